#!/usr/bin/env bash
# spark invert against single-machine invert on the same images (encoder mode), side by side:
# whole-command wall time (JVM start, model load, decode, invert, write) and each tool's own
# timing of its inversion work. Usage: scripts/bench-spark.sh RUN IMAGES [REPEATS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
run="$1"; images="$2"; repeats="${3:-2}"
work="$(mktemp -d)"
n=$(find "$images" -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' \) | wc -l)
echo "images: $n under $images; run: $run; $(nproc) cores"
"$here/ganinv" spark --help >/dev/null 2>&1     # build once, outside the timings
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >"$work/out.txt" 2>"$work/err.txt"; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
for r in $(seq "$repeats"); do
  for threads in 1 2; do
    rm -rf "$work/inv"
    s=$(GANINV_THREADS=$threads wall "$here/ganinv" invert --run "$run" --images "$images" --mode encoder --out "$work/inv")
    inner=$(sed -n 's/.* in \([0-9.]*\) s:.*/\1/p' "$work/out.txt")
    printf 'invert            threads %d  wall %7.1f s  %7.1f img/s   (inversion alone %s s)\n' "$threads" "$s" "$(echo "$n / $s" | bc -l)" "$inner"
  done
  for master in 'local[1]' 'local[2]'; do
    rm -rf "$work/parquet"
    s=$(wall "$here/ganinv" spark invert --run "$run" --images "$images" --out "$work/parquet" --master "$master")
    job=$(grep -o '"seconds":[0-9.]*' "$work/out.txt" | cut -d: -f2)
    load=$(grep -o '"model_load_seconds_by_executor":{[^}]*}' "$work/out.txt")
    printf 'spark %-10s          wall %7.1f s  %7.1f img/s   (job %s s, %s img/s; %s)\n' "$master" "$s" "$(echo "$n / $s" | bc -l)" \
      "$job" "$(echo "$n / $job" | bc -l | cut -c1-6)" "$load"
  done
done
rm -rf "$work"
