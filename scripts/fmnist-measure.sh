#!/usr/bin/env bash
# Measures a run trained on Fashion-MNIST's train file on its test file, as docs/quality.md reports:
# evaluate (1000 test images, the classifier yardstick, hybrid on the first 32), encoder and hybrid
# inversion grids of a fixed class-balanced picture set, 64 samples and a traversal.
# Usage: scripts/fmnist-measure.sh RUN CLASSIFIER [OUT]   (OUT defaults to RUN/fmnist)
#        GENERATOR=G scripts/fmnist-measure.sh ...       measures G of a run that keeps G_ema
# Needs: apt-get install dataset-fashion-mnist python3-numpy python3-pil
set -euo pipefail
run="$1"; classifier="$2"; out="${3:-$1/fmnist}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ganinv="${GANINV:-$here/ganinv}"
test_file=/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz
gen=(); [ -n "${GENERATOR:-}" ] && gen=(--generator "$GENERATOR")
mkdir -p "$out"
[ -d "$out/picture-set" ] || /usr/bin/python3 "$here/scripts/make-fmnist-picture-set.py" "$out/picture-set" >/dev/null
"$ganinv" evaluate --run "$run" "${gen[@]}" --data "$test_file" --count 1000 --classifier "$classifier" --hybrid 32 \
  --json "$out/evaluate.json"
"$ganinv" invert --run "$run" "${gen[@]}" --images "$out/picture-set" --mode encoder --out "$out/encoder" >/dev/null
"$ganinv" invert --run "$run" "${gen[@]}" --images "$out/picture-set" --mode hybrid --out "$out/hybrid" >/dev/null
"$ganinv" sample --run "$run" "${gen[@]}" --count 64 --out "$out/samples" >/dev/null
"$ganinv" traverse --run "$run" "${gen[@]}" --elements 8 --range 2 --steps 9 --out "$out/traverse.png" >/dev/null
echo "written: $out/{evaluate.json,encoder/grid.png,hybrid/grid.png,samples/grid.png,traverse.png}"
