#!/usr/bin/env bash
# ganinv's DLSGAN training step against its PyTorch twin: the same network (parameter counts are
# checked), the same step, the same machine, run alternately so that both sides see the same
# machine load. For every resolution and batch, each side first gets short probes at every thread
# count from 1 to nproc, the twin also at every combination of its speed options
# (--channels-last, --frozen-d, --joint-d-pass), and then races at its best. Prints every run and,
# last, one markdown table: images/s, peak RSS, the share of the machine's fp32 matmul rate, and
# the median ratio ganinv/PyTorch, with the PyTorch version of each side.
#
#   scripts/bench-vs-pytorch.sh [--arch dcgan-up|stylegan2] [--resolution "32 64 128"] [--batch "16 64"]
#                               [--runs 3] [--steps 30] [--warmup 5] [--probe-steps 3]
#
# --arch dcgan-up (default) races shared/bench/torch_dlsgan_step.py; --arch stylegan2 races
# scripts/torch_style_peer.py (its defaults --width 16 --max-width 128 --mapping-layers 2 are
# ganinv's too). A twin probe that takes more than 3x the wall time of the fastest probe so far
# (plus 20 s) is stopped: it cannot be the fastest. The matmul share of both sides is taken against
# ganinv's own ceiling (bench train's 1024x1024 products); the twin's own ceiling on its PyTorch is
# printed beside it.
#
# Needs Debian's python3-torch (apt-get install python3-torch), run with /usr/bin/python3, and
# /usr/bin/time. Environment: GANINV (the launcher to time, default this checkout's ./ganinv), PEER
# (the PyTorch script), PYTHON (default /usr/bin/python3). Never run two benchmarks at once: two
# libtorch processes on 2 cores slow each other down by far more than 2x.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ganinv="${GANINV:-$here/ganinv}"
python="${PYTHON:-/usr/bin/python3}"
batches="16 64"; resolutions=32; runs=3; steps=30; warmup=5; probe_steps=3; arch=dcgan-up
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch="$2"; shift 2 ;;
    --resolution) resolutions="$2"; shift 2 ;;
    --batch) batches="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --probe-steps) probe_steps="$2"; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time not found; apt-get install time" >&2; exit 2; }
cores="$(nproc)"
options=("" "--channels-last" "--frozen-d" "--joint-d-pass" "--channels-last --frozen-d"
         "--channels-last --joint-d-pass" "--frozen-d --joint-d-pass" "--channels-last --frozen-d --joint-d-pass")

# One run of one side (res batch threads steps warmup [options]): its output plus a line 'maxrss_kib N'.
run_ganinv() { /usr/bin/time -f "maxrss_kib %M" "$ganinv" bench train --arch "$arch" --resolution "$1" --batch "$2" \
  --threads "$3" --steps "$4" --warmup "$5" 2>&1 | grep -E '^(images/s|GFLOP/s|maxrss_kib|[GD] parameters)|GFLOP/step|ceiling'; }
run_torch() { /usr/bin/time -f "maxrss_kib %M" ${limit:+timeout "$limit"} "$python" "$peer" --resolution "$1" --batch "$2" --threads "$3" \
  --steps "$4" --warmup "$5" ${6:-} 2>&1 | grep -E '^(images/s|maxrss_kib|torch|[GD] parameters)'; }
field() { awk -v k="$1" '$1 == k {print $2}'; }
params() { grep -E '^[GD] parameters:' | sort; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now() { date +%s.%N; }

probe() {   # side res batch threads [options] -> sets probe_rate and probe_secs; a stopped probe rates 0
  local side="$1" start limit=""; start="$(now)"
  [ "$side" = torch ] && [ -n "${fastest_secs:-}" ] && limit="$(awk -v s="$fastest_secs" 'BEGIN {printf "%d", 3 * s + 20}')"
  probe_rate="$("run_$side" "$2" "$3" "$4" "$probe_steps" 1 "${5:-}" | field images/s: || true)"; probe_rate="${probe_rate:-0}"
  probe_secs="$(awk -v a="$start" -v b="$(now)" 'BEGIN {print b - a}')"
}

rows=()
for res in $resolutions; do
  for b in $batches; do
    echo "resolution $res, batch $b:"
    pg="$(run_ganinv "$res" "$b" 1 1 0 | params)"; pt="$(run_torch "$res" "$b" 1 1 0 | params)"
    if [ "$pg" != "$pt" ]; then
      echo "error: the two sides build different networks: ganinv [$pg] vs PyTorch [$pt]" >&2; exit 1
    fi
    echo "  same networks: $(echo "$pg" | tr '\n' ' ')"
    tg=1; best=0
    for t in $(seq 1 "$cores"); do
      probe ganinv "$res" "$b" "$t"; echo "  probe ganinv, $t thread(s): $probe_rate images/s"
      if awk -v r="$probe_rate" -v b="$best" 'BEGIN {exit !(r > b)}'; then tg=$t; best=$probe_rate; fi
    done
    tt=1; to=""; best=0; fastest_secs=""
    for t in $(seq 1 "$cores"); do
      for o in "${options[@]}"; do
        probe torch "$res" "$b" "$t" "$o"; echo "  probe torch, $t thread(s) ${o:-(no options)}: $probe_rate images/s (${probe_secs%.*} s)"
        if awk -v r="$probe_rate" -v b="$best" 'BEGIN {exit !(r > b)}'; then
          tt=$t; to="$o"; best=$probe_rate; fastest_secs="$probe_secs"
        fi
      done
    done
    gs=(); ts=(); ratios=(); grss=(); trss=(); gceil=()
    for i in $(seq 1 "$runs"); do
      og="$(run_ganinv "$res" "$b" "$tg" "$steps" "$warmup")"; ot="$(run_torch "$res" "$b" "$tt" "$steps" "$warmup" "$to")"
      g="$(echo "$og" | field images/s:)"; t="$(echo "$ot" | field images/s:)"
      gflop="$(echo "$og" | grep -o '[0-9.]* GFLOP/step' | awk '{print $1}')"
      ceiling="$(echo "$og" | grep -o '[0-9.]* GFLOP/s$' | awk '{print $1}')"
      gs+=("$g"); ts+=("$t"); gceil+=("$ceiling"); grss+=("$(echo "$og" | field maxrss_kib)"); trss+=("$(echo "$ot" | field maxrss_kib)")
      ratios+=("$(awk -v g="$g" -v t="$t" 'BEGIN {printf "%.3f", g / t}')")
      echo "  run $i: ganinv $g images/s ($tg threads), PyTorch $t images/s ($tt threads${to:+, $to}), ratio ${ratios[-1]}; $gflop GFLOP/step (analytic), ceiling $ceiling GFLOP/s"
    done
    tv="$(echo "$ot" | awk '$1 == "torch" {print $2}')"
    tceil="$("$python" -c "
import time, torch
torch.set_num_threads($tt); a = torch.rand(1024, 1024); b = torch.rand(1024, 1024); best = 0
for _ in range(3):
    t = time.perf_counter()
    for _ in range(20): a @ b
    best = max(best, 20 * 2 * 1024 ** 3 / (time.perf_counter() - t) / 1e9)
print('%.0f' % best)")"
    m() { printf '%s\n' "$@" | median; }
    mib() { awk -v k="$(m "$@")" 'BEGIN {printf "%.0f", k / 1024}'; }
    # the machine's rate: the higher of the two engines' own matmul ceilings, so no share is flattered
    top="$(printf '%s\n' "${gceil[@]}" "$tceil" | sort -g | tail -1)"
    share() { awk -v r="$1" -v f="$gflop" -v b="$b" -v c="$top" 'BEGIN {printf "%.0f", 100 * r / b * f / c}'; }
    rows+=("| $res | $b | $(m "${gs[@]}") ($tg) | $(mib "${grss[@]}") | $(share "$(m "${gs[@]}")")% | $(m "${ts[@]}") ($tt${to:+, $to}) | $(mib "${trss[@]}") | $(share "$(m "${ts[@]}")")% | **$(m "${ratios[@]}")** ($(printf '%s\n' "${ratios[@]}" | sort -g | sed -n '1p;$p' | paste -sd-)) | $gflop | $(m "${gceil[@]}") / $tceil |")
    echo "resolution $res batch $b median ratio ganinv/PyTorch: $(m "${ratios[@]}")"
  done
done
echo
echo "$arch, DLSGAN step, median of $runs alternating runs of $steps steps; ganinv on libtorch $(ls "$here"/cli/target/lib | sed -n 's/^pytorch-jni-\([0-9.]*\)-.*/\1/p') (DJL), the twin on PyTorch ${tv:-?}"
echo "| px | batch | ganinv images/s (threads) | ganinv peak RSS MiB | ganinv share of matmul rate | PyTorch images/s (threads, options) | PyTorch peak RSS MiB | PyTorch share | ratio (range) | GFLOP/step (analytic) | matmul GFLOP/s: ganinv's / twin's |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
