#!/usr/bin/env bash
# ganinv's DLSGAN training step against its PyTorch twin: the same network (parameter counts are
# checked), the same step, the same machine, run alternately so that both sides see the same
# machine load. For every resolution and batch, each side first gets short probes at every thread
# count from 1 to nproc, the twin also at every combination of its speed options
# (--channels-last, --frozen-d, --joint-d-pass). Short probes are noisy, so in every run each
# side runs its best --candidates probed settings and the fastest of them counts. --threads limits
# the thread counts probed (default 1..nproc). Where libtcmalloc-minimal4 is installed, the twin is
# also probed with it preloaded (option "tcmalloc"; ganinv's launcher preloads it by itself):
# it runs the twin faster and leaner than glibc's malloc. --twin-options "A;B" probes only the
# twin settings listed (e.g. "--channels-last;--channels-last tcmalloc"). Prints every run and,
# last, one markdown table: images/s, peak RSS, the shares of the machine's fp32 BLAS rate and of
# its FMA peak (bench train's estimate from /proc/cpuinfo), and
# the median ratio ganinv/PyTorch, with the PyTorch version of each side, and the median ratio of
# the two peak RSS (each run's: ganinv's faster setting against the twin's faster setting).
#
#   scripts/bench-vs-pytorch.sh [--arch dcgan-up|stylegan2] [--resolution "32 64 128"] [--batch "16 64"]
#                               [--runs 3] [--steps 30] [--warmup 5] [--probe-steps 3]
#                               [--threads "1 2"] [--candidates 2] [--twin-options "A;B"]
#
# --arch dcgan-up (default) races shared/bench/torch_dlsgan_step.py; --arch stylegan2 races
# scripts/torch_style_peer.py (its defaults --width 16 --max-width 128 --mapping-layers 2 are
# ganinv's too). A twin probe that takes more than twice the wall time of the fastest probe so far
# (plus 10 s) is stopped: it cannot be the fastest. The BLAS share of both sides is taken against
# the higher of the two engines' fp32 BLAS rates (1024x1024 products at the run's thread count:
# bench train's through libtorch, and the same in the twin's PyTorch), both printed.
#
# Needs Debian's python3-torch (apt-get install python3-torch), run with /usr/bin/python3, and
# /usr/bin/time. Environment: GANINV (the launcher to time, default this checkout's ./ganinv), PEER
# (the PyTorch script), PYTHON (default /usr/bin/python3). Never run two benchmarks at once: two
# libtorch processes on 2 cores slow each other down by far more than 2x.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ganinv="${GANINV:-$here/ganinv}"
python="${PYTHON:-/usr/bin/python3}"
batches="16 64"; resolutions=32; threads=""; candidates=2; runs=3; steps=30; warmup=5; probe_steps=3; arch=dcgan-up
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch="$2"; shift 2 ;;
    --resolution) resolutions="$2"; shift 2 ;;
    --batch) batches="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --probe-steps) probe_steps="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --candidates) candidates="$2"; shift 2 ;;
    --twin-options) twin_options="$2"; shift 2 ;;
    -h|--help) sed -n '2,31p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
threads="${threads:-$(seq 1 "$(nproc)" | paste -sd' ')}"
options=("" "--channels-last" "--frozen-d" "--joint-d-pass" "--channels-last --frozen-d"
         "--channels-last --joint-d-pass" "--frozen-d --joint-d-pass" "--channels-last --frozen-d --joint-d-pass")
tcmalloc=""
for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib; do
  if [ -f "$dir/libtcmalloc_minimal.so.4" ]; then tcmalloc="$dir/libtcmalloc_minimal.so.4"; break; fi
done
if [ -n "$tcmalloc" ]; then
  for o in "${options[@]}"; do options+=("${o:+$o }tcmalloc"); done
fi
if [ -n "${twin_options:-}" ]; then IFS=';' read -r -a options <<< "$twin_options"; fi

# One run of one side (res batch threads steps warmup [options]): its output plus a line 'maxrss_kib N'.
# dcgan-up as the twin builds it: tanh output and no modulation (the default recipe's G adds both).
twin_g=(); [ "$arch" = dcgan-up ] && twin_g=(--g-output tanh --g-modulation false)
run_ganinv() { /usr/bin/time -f "maxrss_kib %M" "$ganinv" bench train --arch "$arch" "${twin_g[@]}" --resolution "$1" --batch "$2" \
  --threads "$3" --steps "$4" --warmup "$5" 2>&1 | grep -E '^(images/s|GFLOP/s|maxrss_kib|[GD] parameters)|GFLOP/step|BLAS rate|FMA peak'; }
run_torch() { local o="${6:-}" pre=""; if [[ "$o" == *tcmalloc* ]]; then pre="$tcmalloc"; o="${o//tcmalloc/}"; fi
  [ -n "$pre" ] || [[ "${6:-}" != *tcmalloc* ]] || { echo "error: tcmalloc asked for and not installed" >&2; exit 2; }
  LD_PRELOAD="$pre" /usr/bin/time -f "maxrss_kib %M" ${limit:+timeout "$limit"} "$python" "$peer" --resolution "$1" --batch "$2" --threads "$3" \
  --steps "$4" --warmup "$5" $o 2>&1 | grep -E '^(images/s|maxrss_kib|torch|[GD] parameters)'; }
field() { awk -v k="$1" '$1 == k {print $2}'; }
params() { grep -E '^[GD] parameters:' | sort; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now() { date +%s.%N; }

probe() {   # side res batch threads [options] -> sets probe_rate and probe_secs; a stopped probe rates 0
  local side="$1" start limit=""; start="$(now)"
  [ "$side" = torch ] && [ -n "${fastest_secs:-}" ] && limit="$(awk -v s="$fastest_secs" 'BEGIN {printf "%d", 2 * s + 10}')"
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
    gprobes=()
    for t in $threads; do
      probe ganinv "$res" "$b" "$t"; echo "  probe ganinv, $t thread(s): $probe_rate images/s"; gprobes+=("$probe_rate|$t")
    done
    mapfile -t gtop < <(printf '%s\n' "${gprobes[@]}" | sort -t'|' -k1,1gr | head -"$candidates")
    fastest_secs=""; probes=()
    for t in $threads; do
      for o in "${options[@]}"; do
        probe torch "$res" "$b" "$t" "$o"; echo "  probe torch, $t thread(s) ${o:-(no options)}: $probe_rate images/s (${probe_secs%.*} s)"
        probes+=("$probe_rate|$t|$o")
        if [ -z "$fastest_secs" ] || awk -v s="$probe_secs" -v f="$fastest_secs" 'BEGIN {exit !(s < f)}'; then fastest_secs="$probe_secs"; fi
      done
    done
    # Short probes are noisy: the two fastest race in every run and the faster counts.
    mapfile -t top < <(printf '%s\n' "${probes[@]}" | sort -t'|' -k1,1gr | head -"$candidates")
    tgs=(); tos=(); gs=(); ts=(); ratios=(); grss=(); trss=(); gceil=(); rss_ratios=()
    for i in $(seq 1 "$runs"); do
      g=0; t=0
      for c in "${gtop[@]}"; do
        IFS='|' read -r _ ct <<< "$c"
        oc="$(run_ganinv "$res" "$b" "$ct" "$steps" "$warmup")"; rc="$(echo "$oc" | field images/s:)"
        echo "    ganinv $ct threads: $rc images/s"
        if awk -v r="$rc" -v b="$g" 'BEGIN {exit !(r > b)}'; then g="$rc"; og="$oc"; tg="$ct"; fi
      done
      for c in "${top[@]}"; do
        IFS='|' read -r _ ct co <<< "$c"
        oc="$(run_torch "$res" "$b" "$ct" "$steps" "$warmup" "$co")"; rc="$(echo "$oc" | field images/s:)"
        echo "    PyTorch $ct threads ${co:-(no options)}: $rc images/s"
        if awk -v r="$rc" -v b="$t" 'BEGIN {exit !(r > b)}'; then t="$rc"; ot="$oc"; tt="$ct"; to="$co"; fi
      done
      gflop="$(echo "$og" | grep -o '[0-9.]* GFLOP/step' | awk '{print $1}')"
      blas="$(echo "$og" | grep 'BLAS rate' | grep -o '[0-9.]* GFLOP/s$' | awk '{print $1}')"
      tgs+=("$tg"); tos+=("$tt threads${to:+, $to}"); gs+=("$g"); ts+=("$t"); gceil+=("$blas"); fma="$(echo "$og" | grep 'FMA peak' | grep -o '[0-9.]* GFLOP/s$' | awk '{print $1}')"; grss+=("$(echo "$og" | field maxrss_kib)"); trss+=("$(echo "$ot" | field maxrss_kib)")
      ratios+=("$(awk -v g="$g" -v t="$t" 'BEGIN {printf "%.3f", g / t}')")
      rss_ratios+=("$(awk -v g="${grss[-1]}" -v t="${trss[-1]}" 'BEGIN {printf "%.2f", g / t}')")
      echo "  run $i: ganinv $g images/s ($tg threads), PyTorch $t images/s ($tt threads${to:+, $to}), ratio ${ratios[-1]}; peak RSS ${grss[-1]} against ${trss[-1]} KiB (${rss_ratios[-1]}); $gflop GFLOP/step (analytic), BLAS rate $blas GFLOP/s, FMA peak ${fma:-?} GFLOP/s"
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
    # the machine's rate: the higher of the two engines' own BLAS rates, so no share is flattered
    top="$(printf '%s\n' "${gceil[@]}" "$tceil" | sort -g | tail -1)"
    share() { awk -v r="$1" -v f="$gflop" -v b="$b" -v c="$top" -v p="${fma:-0}" \
      'BEGIN {printf "%.0f%%", 100 * r / b * f / c; if (p > 0) printf " / %.0f%%", 100 * r / b * f / p}'; }
    rows+=("| $res | $b | $(m "${gs[@]}") ($(printf '%s\n' "${tgs[@]}" | sort | uniq -c | awk '{print $1 "x" $2}' | paste -sd';')) | $(mib "${grss[@]}") | $(share "$(m "${gs[@]}")") | $(m "${ts[@]}") ($(printf '%s\n' "${tos[@]}" | sort | uniq -c | awk '{$1 = $1 "x"; print}' | paste -sd';')) | $(mib "${trss[@]}") | $(share "$(m "${ts[@]}")") | **$(m "${ratios[@]}")** ($(printf '%s\n' "${ratios[@]}" | sort -g | sed -n '1p;$p' | paste -sd-)) | **$(m "${rss_ratios[@]}")** ($(printf '%s\n' "${rss_ratios[@]}" | sort -g | sed -n '1p;$p' | paste -sd-)) | $gflop | $(m "${gceil[@]}") / $tceil |")
    echo "resolution $res batch $b median ratio ganinv/PyTorch: $(m "${ratios[@]}")"
  done
done
echo
echo "$arch, DLSGAN step, median of $runs alternating runs of $steps steps; ganinv on libtorch $(ls "$here"/cli/target/lib | sed -n 's/^pytorch-jni-\([0-9.]*\)-.*/\1/p') (DJL), the twin on PyTorch ${tv:-?}"
echo "| px | batch | ganinv images/s (runs x threads of its faster) | ganinv peak RSS MiB | ganinv share of the BLAS rate / of the FMA peak | PyTorch images/s (its faster of its raced settings per run: threads, options) | PyTorch peak RSS MiB | PyTorch share (BLAS / FMA) | ratio (range) | peak RSS ratio (range) | GFLOP/step (analytic) | BLAS GFLOP/s: ganinv's / twin's |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
