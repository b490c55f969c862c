#!/usr/bin/env bash
# Old vs new manual-backprop kernels, interleaved JMH forks (issue 18, item 2).
#
# Builds manual-backprop's main classes at BASE (default: the commit before the blocked GEMM) into a
# temporary directory, then runs ROUNDS rounds; each round runs one JMH fork of every benchmark on
# the old classes and one on the current build (target/classes), alternating which goes first, so
# both see the same machine load. The fork is the unit of replication (one JSON per fork).
# Summarize with: python3 results/perf/summarize.py results/perf/<out dir>
#
# Usage (from the checkout root, after `mvn -o -pl benchmarks package -DskipTests -Dbench.skip=true`):
#   results/perf/ab-kernels.sh [rounds] [base-ref]
set -euo pipefail
ROUNDS=${1:-5}
BASE=${2:-9243be4}
ROOT=$(pwd)
JAVA=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java
OUT=$ROOT/results/perf/ab-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
OLD=$(mktemp -d)
trap 'rm -rf "$OLD"' EXIT
ROUTE_CP=$(cat manual-backprop/target/route-classpath.txt)
git archive "$BASE" manual-backprop/src/main | tar -x -C "$OLD"
"${JAVA%/java}/javac" -nowarn -d "$OLD/classes" --add-modules jdk.incubator.vector -cp "$ROUTE_CP" \
  $(find "$OLD/manual-backprop/src/main/java" -name '*.java') 2>&1 | grep -v -i warning || true
cp -r "$OLD/manual-backprop/src/main/resources/." "$OLD/classes/"
JMH_CP=$(tr ':' '\n' < benchmarks/target/bench-classpath.txt | grep -E 'jmh-core|jopt-simple|commons-math3' | paste -sd:)
BENCH_CP=$ROOT/benchmarks/target/classes:$JMH_CP
declare -A KERNEL=([old]="$OLD/classes" [new]="$ROOT/manual-backprop/target/classes")
# name | JMH include | JMH options
JOBS=(
  "gemm2048-t1|GemmPeakBenchmark.multiply|-p size=2048 -p threads=1"
  "gemm2048-t2|GemmPeakBenchmark.multiply|-p size=2048 -p threads=2"
  "train128-t2|TrainStepBenchmark.trainStep|-p route=manual -p batchSize=128 -p threads=2 -prof gc"
)
{
  echo "base=$BASE new=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- manual-backprop || echo -dirty)"
  echo "java=$("$JAVA" -version 2>&1 | head -1)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
  echo "settings: -f 1 -wi 5 -w 1s -i 5 -r 1s per fork, $ROUNDS rounds"
} > "$OUT/run.txt"
for r in $(seq 1 "$ROUNDS"); do
  order=(old new)
  if (( r % 2 == 0 )); then order=(new old); fi
  for job in "${JOBS[@]}"; do
    IFS='|' read -r name include opts <<< "$job"
    for k in "${order[@]}"; do
      echo "round $r $name $k load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run.txt"
      # JMH allows one run per machine (/tmp/jmh.lock): wait while another helper measures
      while true; do
        # shellcheck disable=SC2086
        "$JAVA" --add-modules jdk.incubator.vector -cp "$BENCH_CP:${KERNEL[$k]}:$ROUTE_CP" \
          org.openjdk.jmh.Main "$include" -f 1 -wi 5 -w 1s -i 5 -r 1s $opts \
          -rf json -rff "$OUT/$name-$k-r$r.json" > "$OUT/$name-$k-r$r.log" 2>&1 || true
        grep -q "Unable to acquire the JMH lock" "$OUT/$name-$k-r$r.log" || break
        sleep 10
      done
    done
  done
done
echo "done: $OUT"
