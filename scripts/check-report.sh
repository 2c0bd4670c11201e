#!/bin/sh
# Renders a run's report.html in a real browser (Debian's chromium, headless) and saves a
# screenshot, to check by eye that the page renders: every image, every plot, the tables.
#   apt-get install chromium    # once
#   scripts/check-report.sh demo-run [shot.png]
set -eu
run="${1:?usage: scripts/check-report.sh RUN [screenshot.png]}"
shot="${2:-$run/report.png}"
[ -f "$run/report.html" ] || { echo "error: $run/report.html: no report; run './ganinv report --run $run' first" >&2; exit 2; }
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,6000 \
  --screenshot="$shot" "file://$(cd "$run" && pwd)/report.html" 2>/dev/null
echo "screenshot: $shot"
