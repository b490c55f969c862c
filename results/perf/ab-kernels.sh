#!/usr/bin/env bash
# Old vs new manual-backprop kernels, interleaved JMH forks (issue 18, item 2), both on Java 17.
# Builds manual-backprop's main classes at BASE (default: the commit before the blocked GEMM) into
# a temporary directory; "new" is the current build (manual-backprop/target/classes).
# Usage (checkout root, after `mvn -o -pl benchmarks package -DskipTests -Dbench.skip=true`):
#   results/perf/ab-kernels.sh [rounds] [base-ref]
set -euo pipefail
BASE=${2:-9243be4}
JDK=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
OLD=$(mktemp -d)
trap 'rm -rf "$OLD"' EXIT
git archive "$BASE" manual-backprop/src/main | tar -x -C "$OLD"
"$JDK/bin/javac" -nowarn -d "$OLD/classes" --add-modules jdk.incubator.vector \
  -cp "$(cat manual-backprop/target/route-classpath.txt)" \
  $(find "$OLD/manual-backprop/src/main/java" -name '*.java') 2>&1 | grep -v -i warning || true
cp -r "$OLD/manual-backprop/src/main/resources/." "$OLD/classes/"
OUT=$(pwd)/results/perf/ab-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
echo "old = manual-backprop at $BASE" > "$OUT/run.txt"
"$(dirname "$0")/interleave.sh" "$OUT" "${1:-5}" \
  "old=$JDK:$OLD/classes" "new=$JDK:$(pwd)/manual-backprop/target/classes"
