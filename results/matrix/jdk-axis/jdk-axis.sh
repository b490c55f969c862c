#!/usr/bin/env bash
# The JVM is a release too (issue 18): every route's training throughput (batch 128, all cores)
# on JDK 17 vs JDK 25, same classes, as one interleaved `ab` per route (forks A B A B ..., paired
# verdict). Writes <out>/ab/ab-*.json, one log per route and <out>/matrix.md.
# Usage (checkout root, suite built): results/matrix/jdk-axis/jdk-axis.sh [forks] [out] [routes]
set -euo pipefail
cd "$(dirname "$0")/../../.."
forks="${1:-3}"
out="${2:-results/matrix/jdk-axis/$(date -u +%Y%m%dT%H%MZ)}"
routes="${3:-manual tf-minimize tf-tape djl-fit djl-loop dl4j-fit dl4j-loop}"
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$out/ab"
{ echo "command: $0 $forks $out \"$routes\""; echo "JDK17=$jdk17"; echo "JDK25=$jdk25";
  date -u; uptime; } > "$out/run.txt"
for route in $routes; do
  echo "== $route ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$out/run.txt"
  MLPBENCH_NO_BUILD=1 ./mlp-bench ab --baseline . --candidate . --route "$route" \
    --jvm "$jdk17" --candidate-jvm "$jdk25" --forks "$forks" --out "$out/ab" \
    > "$out/ab-$route.log" 2>&1 || echo "   ab exited $? (see ab-$route.log)" | tee -a "$out/run.txt"
  tail -4 "$out/ab-$route.log" | tee -a "$out/run.txt"
done
python3 "$(dirname "$0")/table.py" "$out" > "$out/matrix.md"
cat "$out/matrix.md"
