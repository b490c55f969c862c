#!/usr/bin/env bash
# Runs every route module's conformance classes and core's mutation check once, and collects the
# deviation each check printed (worst value, tolerance, ratio) into one file. Slow: ~10-15 min on
# 2 cores. Usage: results/conformance/measure.sh [output-file]   (from the checkout root)
set -euo pipefail
out=${1:-results/conformance/$(date -u +%Y-%m-%d)-conformance.txt}
tmp=$(mktemp -d)
{
  echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# check: worst <quantity> = <deviation from the double-precision reference> (tolerance, ratio = deviation / tolerance)"
} > "$tmp/head"
mvn -o -B -q test -pl core -Dtest='io.mlpbench.core.ConformanceRejectsWrongTrainersTest' \
  -Dsurefire.failIfNoSpecifiedTests=false > "$tmp/core.log" 2>&1 || echo "core: FAILED (see $tmp/core.log)" >> "$tmp/head"
for m in manual-backprop:manual dl4j-impl:dl4j djl-impl:djl tf-java-impl:tf; do
  module=${m%%:*}
  package=${m##*:}
  mvn -o -B verify -pl "$module" -Dtest="io.mlpbench.$package.*ConformanceTest" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.profile=smoke > "$tmp/$module.log" 2>&1 \
    || echo "$module: FAILED (see $tmp/$module.log)" >> "$tmp/head"
done
{
  cat "$tmp/head"
  cat core/target/surefire-reports/*ConformanceRejectsWrongTrainersTest-output.txt
  for module in manual-backprop dl4j-impl djl-impl tf-java-impl; do
    cat "$module"/target/surefire-reports/*ConformanceTest-output.txt
  done
} > "$out"
echo "wrote $out"
