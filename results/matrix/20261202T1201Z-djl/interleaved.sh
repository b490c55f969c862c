#!/usr/bin/env bash
# Interleaved A/B between consecutive DJL releases (issue 15 item 9), on this matrix's builds.
set -euo pipefail
cd "$(dirname "$0")/../../.."
d=results/matrix/20261202T1201Z-djl
for pair in "0.34.0 0.35.0" "0.35.0 0.36.0"; do
  set -- $pair
  MLPBENCH_NO_BUILD=1 ./mlp-bench ab --baseline "dir:$PWD/$d/build/djl-impl-$1" \
    --candidate "dir:$PWD/$d/build/djl-impl-$2" --route djl-loop --forks 5 --out "$d/ab" \
    > "$d/ab-djl-loop-$1-vs-$2.log" 2>&1 || true
done
