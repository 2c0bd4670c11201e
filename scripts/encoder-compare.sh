#!/usr/bin/env bash
# The comparison of docs/encoder.md and docs/quality.md on one Fashion-MNIST run with a fitted
# encoder: 200 test images (20 of each class) inverted by the trained encoder, the fitted encoder,
# optimisation alone and hybrid from either code (100 steps each, timed), PCA-64/128 beside them,
# interpolations and a sneaker-to-boot edit with either encoder, and the two pictures.
# Usage: scripts/encoder-compare.sh RUN OUT
# Needs: apt-get install dataset-fashion-mnist python3-numpy python3-pil python3-sklearn
set -euo pipefail
run="$1"; out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ganinv="${GANINV:-$here/ganinv}"; pictures="$here/scripts/encoder-pictures.py"
test_file=/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz
mkdir -p "$out"
[ -d "$out/fm200" ] || /usr/bin/python3 "$pictures" set "$out"
invert() { local name=$1; shift
  "$ganinv" invert --run "$run" --images "$out/fm200" --out "$out/$name" "$@" | grep '^inverted' | sed "s/^/$name: /"; }
invert trained --mode encoder --encoder trained
invert fitted --mode encoder --encoder fitted
invert optimise --mode optimize --steps 100
invert hybrid-trained --mode hybrid --steps 100 --encoder trained
invert hybrid-fitted --mode hybrid --steps 100 --encoder fitted
for e in trained fitted; do
  "$ganinv" interpolate --run "$run" --encoder $e --from "$out/fm200/c7-00.png" --to "$out/fm200/c9-00.png" --out "$out/interp-$e.png" >/dev/null
  "$ganinv" interpolate --run "$run" --encoder $e --from "$out/fm200/c0-00.png" --to "$out/fm200/c3-00.png" --out "$out/interp2-$e.png" >/dev/null
  "$ganinv" direction --run "$run" --encoder $e --data "$test_file" --attribute 9 --versus 7 --out "$out/boot-$e.npy" >/dev/null
  "$ganinv" edit --run "$run" --encoder $e --image "$out/fm200/c7-01.png" --direction "$out/boot-$e.npy" --out "$out/edit-$e.png" >/dev/null
done
/usr/bin/python3 "$pictures" grid "$out/compare.png" "real (32 px)=$out/pca/real32.npy" "PCA-64=$out/pca/pca64.npy" \
  "PCA-128=$out/pca/pca128.npy" "trained encoder=$out/trained/reconstructions" "fitted encoder=$out/fitted/reconstructions" \
  "optimise only=$out/optimise/reconstructions" "hybrid, trained code=$out/hybrid-trained/reconstructions" \
  "hybrid, fitted code=$out/hybrid-fitted/reconstructions"
/usr/bin/python3 "$pictures" strips "$out/edits.png" "interpolate, trained=$out/interp-trained.png" \
  "interpolate, fitted=$out/interp-fitted.png" "interpolate, trained=$out/interp2-trained.png" \
  "interpolate, fitted=$out/interp2-fitted.png" "edit +boot, trained=$out/edit-trained.png" "edit +boot, fitted=$out/edit-fitted.png"
echo "pictures: $out/compare.png $out/edits.png"
