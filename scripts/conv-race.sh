#!/bin/bash
# Reproduces docs/determinism.md: the repeated 1-channel convolution gradient, with and without
# Conv's zero-channel padding. Run from the repository root after `mvn -B -DskipTests install`.
# Add load (e.g. two `./ganinv train` runs) to see the race more often.
set -euo pipefail
conv=core/src/main/java/ganinv/model/Conv.java
cp "$conv" /tmp/Conv.java.keep
trap 'cp /tmp/Conv.java.keep "$conv"; mvn -B -q -o -pl core compile -Dinvoker.skip=true' EXIT
for min in 3 1; do
  sed -i "s/static final int MIN_CHANNELS = [0-9]*;/static final int MIN_CHANNELS = $min;/" "$conv"
  mvn -B -q -o -pl core compile -Dinvoker.skip=true
  if mvn -B -q -o -pl core surefire:test -Dtest='NetworksTest#aOneChannelConvolutionsGradientsRepeatBitwise' >/tmp/conv-race.log 2>&1; then
    echo "MIN_CHANNELS=$min: 200 repetitions bitwise equal"
  else
    echo "MIN_CHANNELS=$min: $(grep -o 'repetition [0-9]*' /tmp/conv-race.log | head -1) differed"
  fi
done
