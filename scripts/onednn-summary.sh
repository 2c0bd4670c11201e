#!/usr/bin/env bash
# Which oneDNN kernels a benchmark really executes, and how long each kind takes: runs the command
# with ONEDNN_VERBOSE=1 (the engine's convolution library prints one line per executed primitive:
# kind, implementation, algorithm, shape, milliseconds) and sums the lines by kind, implementation
# and algorithm. "alg:convolution_direct" means the arithmetic executed is the direct
# convolution's (the analytic count of bench/StepFlops.java); a Winograd kernel would say so.
#
#   scripts/onednn-summary.sh ./ganinv bench train --resolution 64 --steps 3 --warmup 1
#   scripts/onednn-summary.sh /usr/bin/python3 ../shared/bench/torch_dlsgan_step.py --resolution 64 --steps 3 --warmup 1 --channels-last
#
# The times include the first (warm-up) steps; compare kinds within one run, not runs.
set -euo pipefail
[ $# -gt 0 ] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
ONEDNN_VERBOSE=1 DNNL_VERBOSE=1 "$@" 2>&1 | awk -F, '
  /^(onednn|dnnl)_verbose/ && $0 ~ /,exec,/ {
    # oneDNN 3 writes "v1,primitive," before "exec", oneDNN 2 does not: count from "exec"
    for (e = 1; $e != "exec"; e++) ;
    kind = $(e + 2); impl = $(e + 3) " " $(e + 4); alg = ""
    for (i = e + 5; i <= NF; i++) if ($i ~ /alg:/) { alg = $i; sub(/.*alg:/, "", alg); sub(/ .*/, "", alg) }
    key = kind " " impl " " alg; ms[key] += $NF; n[key]++; total += $NF
  }
  END {
    for (k in ms) printf "%10.1f ms %6d calls  %s\n", ms[k], n[k], k | "sort -rn"
    close("sort -rn"); printf "%10.1f ms in oneDNN primitives\n", total
  }'
