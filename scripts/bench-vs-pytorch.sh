#!/usr/bin/env bash
# ganinv's DLSGAN training step against the PyTorch peer (shared/bench/torch_dlsgan_step.py):
# the same network (parameter counts are checked), the same step, the same machine, run
# alternately so that both sides see the same machine load. Each side first gets a short probe
# at every thread count from 1 to nproc, and the peer also at every combination of its speed
# options (--channels-last, --frozen-d, --joint-d-pass), and then runs at its best. Prints every
# run and the median ratio ganinv/PyTorch per batch size.
#
#   scripts/bench-vs-pytorch.sh [--arch dcgan-up|stylegan2] [--resolution 32] [--batch "16 64"] [--runs 3] [--steps 30] [--warmup 5]
#
# --arch stylegan2 times the stylegan2 family against scripts/torch_style_peer.py (its defaults:
# --width 16 --max-width 128 --mapping-layers 2, ganinv's defaults too).
#
# Needs Debian's python3-torch (apt-get install python3-torch), run with /usr/bin/python3.
# Environment: GANINV (the launcher to time, default this checkout's ./ganinv), PEER (the
# PyTorch script), PYTHON (default /usr/bin/python3). Never run two benchmarks at once: two
# libtorch processes on 2 cores slow each other down by far more than 2x.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ganinv="${GANINV:-$here/ganinv}"
python="${PYTHON:-/usr/bin/python3}"
batches="16 64"; runs=3; steps=30; warmup=5; arch=dcgan-up; res=32
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch="$2"; shift 2 ;;
    --resolution) res="$2"; shift 2 ;;
    --batch) batches="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option $1; see $0 --help" >&2; exit 2 ;;
  esac
done
case "$arch" in
  dcgan-up) peer="${PEER:-$here/../shared/bench/torch_dlsgan_step.py}" ;;
  stylegan2) peer="${PEER:-$here/scripts/torch_style_peer.py}" ;;
  *) echo "error: --arch $arch: choose dcgan-up or stylegan2" >&2; exit 2 ;;
esac
[ -f "$peer" ] || { echo "error: PyTorch peer $peer not found; set PEER=path/to/torch_dlsgan_step.py" >&2; exit 2; }
"$python" -c 'import torch' 2>/dev/null || { echo "error: $python cannot import torch; apt-get install python3-torch" >&2; exit 2; }
cores="$(nproc)"

# One run of one side: prints the whole output; the caller takes the lines it needs.
run_ganinv() { "$ganinv" bench train --arch "$arch" --resolution "$res" --batch "$1" --threads "$2" --steps "$steps" --warmup "$warmup" 2>/dev/null; }
run_torch() { "$python" "$peer" --resolution "$res" --batch "$1" --threads "$2" --steps "$steps" --warmup "$warmup" ${3:-} 2>/dev/null; }
rate() { awk '/^images\/s:/ {print $2}'; }
params() { grep -E '^[GD] parameters:' | sort; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

best_threads() {   # side batch -> the thread count with the highest rate in a short probe
  local side="$1" b="$2" best=1 best_rate=0 t r
  for t in $(seq 1 "$cores"); do
    r="$("run_$side" "$b" "$t" | rate)"
    echo "  probe $side, $t thread(s): $r images/s" >&2
    if awk -v r="$r" -v b="$best_rate" 'BEGIN {exit !(r > b)}'; then best=$t; best_rate=$r; fi
  done
  echo "$best"
}

best_torch() {   # batch -> best_t, best_o: the peer's fastest thread count and option combination in a short probe
  local b="$1" best_rate=0 t o r
  best_t=1; best_o=""
  for t in $(seq 1 "$cores"); do
    for o in "" "--channels-last" "--frozen-d" "--joint-d-pass" "--channels-last --frozen-d" \
             "--channels-last --joint-d-pass" "--frozen-d --joint-d-pass" "--channels-last --frozen-d --joint-d-pass"; do
      r="$(run_torch "$b" "$t" "$o" | rate)"
      echo "  probe torch, $t thread(s) ${o:-(no options)}: $r images/s" >&2
      if awk -v r="$r" -v b="$best_rate" 'BEGIN {exit !(r > b)}'; then best_t=$t; best_o="$o"; best_rate=$r; fi
    done
  done
}

for b in $batches; do
  echo "batch $b:"
  pg="$(run_ganinv "$b" 1 | params)"; pt="$(run_torch "$b" 1 | params)"
  if [ "$pg" != "$pt" ]; then
    echo "error: the two sides build different networks: ganinv [$pg] vs PyTorch [$pt]" >&2; exit 1
  fi
  echo "  same networks: $(echo "$pg" | tr '\n' ' ')"
  tg="$(best_threads ganinv "$b")"; best_torch "$b"; tt="$best_t"; to="$best_o"
  ratios=(); gs=(); ts=()
  for i in $(seq 1 "$runs"); do
    g="$(run_ganinv "$b" "$tg" | rate)"; t="$(run_torch "$b" "$tt" "$to" | rate)"
    gs+=("$g"); ts+=("$t"); ratios+=("$(awk -v g="$g" -v t="$t" 'BEGIN {printf "%.3f", g / t}')")
    echo "  run $i: ganinv $g images/s ($tg threads), PyTorch $t images/s ($tt threads${to:+, $to}), ratio ${ratios[-1]}"
  done
  echo "  median: ganinv $(printf '%s\n' "${gs[@]}" | median), PyTorch $(printf '%s\n' "${ts[@]}" | median) images/s"
  echo "batch $b median ratio ganinv/PyTorch: $(printf '%s\n' "${ratios[@]}" | median)"
done
