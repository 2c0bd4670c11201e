#!/usr/bin/env bash
# Counts the starts that die: trains each (data set, seed, thread count) for --steps steps with the
# collapse guard off and calls a start dead when D's adversarial loss, averaged over any 200
# consecutive steps, falls below 0.5 (the loss is 2 log 2 = 1.39 when D cannot tell; the collapse
# guard's rule). Prints one row per start, with the lowest 200-step mean, and the count.
#
#   scripts/stability.sh [--seeds "0 1 2"] [--threads "1 2"] [--data "shapes fmnist"] [--steps 400]
#                        [--out DIR] [-- train flags...]
# e.g. scripts/stability.sh --seeds "0 1 2 3 4 5 6 7 8 9"                 # the default recipe, 40 starts
#      scripts/stability.sh --seeds "0 1 2" -- --method bigan             # another method, 12 starts
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seeds="0 1 2 3 4 5 6 7 8 9"; threads="1 2"; data="shapes fmnist"; steps=400; out="${TMPDIR:-/tmp}/ganinv-stability"
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "stability.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
fm=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
mkdir -p "$out"
dead=0; total=0
printf 'data\tseed\tthreads\tlowest 200-step mean of D loss\tthreshold\tverdict\n'
for d in $data; do
  case "$d" in
    shapes) dflags=(--data shapes --channels 3) ;;
    fmnist) dflags=(--data "$fm" --channels 1) ;;
    *) echo "stability.sh: --data takes shapes and fmnist" >&2; exit 2 ;;
  esac
  for s in $seeds; do for t in $threads; do
    run="$out/$d-s$s-t$t"
    GANINV_THREADS=$t "$here/ganinv" train "${dflags[@]}" --steps "$steps" --seed "$s" --on-collapse off \
      --log-every 10 --sample-every "$steps" --checkpoint-every "$steps" --out "$run" --force "$@" >"$run.log" 2>&1 \
      || { echo "stability.sh: $run failed, see $run.log" >&2; exit 1; }
    row=$(python3 - "$run" <<'PY'
import json, sys
run = sys.argv[1]
rows = [json.loads(l) for l in open(run + "/metrics.jsonl")]
key = "loss_d_adv" if "loss_d_adv" in rows[0] else "loss_d"
thr = 0.5
vals = [r[key] for r in rows]
win = 20  # 20 intervals of 10 steps
low = min(sum(vals[i:i + win]) / win for i in range(0, len(vals) - win + 1))
print(f"{low:.3f}\t{thr}\t{'dead' if low < thr else 'alive'}")
PY
)
    printf '%s\t%s\t%s\t%s\n' "$d" "$s" "$t" "$row"
    total=$((total + 1)); case "$row" in *dead) dead=$((dead + 1)) ;; esac
  done; done
done
echo "dead: $dead of $total"
