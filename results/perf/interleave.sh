#!/usr/bin/env bash
# Interleaved JMH forks of two variants of the manual route (issue 18, item 2): the fork is the unit
# of replication; each round runs one fork of every job per variant, back to back, alternating which
# variant goes first, so both see the same machine load. One JSON (and log) per fork in OUT.
# Summarize with: python3 results/perf/summarize.py OUT NAME1 NAME2
#
# Usage: [JOBS_ONLY=regex] interleave.sh OUT ROUNDS NAME1=JAVA_HOME1:CLASSES1 NAME2=JAVA_HOME2:CLASSES2
# (CLASSES: manual-backprop main classes; benchmarks and manual-backprop must be packaged.)
set -euo pipefail
OUT=$1
ROUNDS=$2
shift 2
declare -A HOME_OF CLASSES_OF
NAMES=()
for v in "$@"; do
  name=${v%%=*}
  rest=${v#*=}
  NAMES+=("$name")
  HOME_OF[$name]=${rest%%:*}
  CLASSES_OF[$name]=${rest#*:}
done
ROUTE_CP=$(cat manual-backprop/target/route-classpath.txt)
JMH_CP=$(tr ':' '\n' < benchmarks/target/bench-classpath.txt | grep -E 'jmh-core|jopt-simple|commons-math3' | paste -sd:)
BENCH_CP=$(pwd)/benchmarks/target/classes:$JMH_CP
# name | JMH include | JMH options
JOBS=(
  "gemm2048-t1|GemmPeakBenchmark.multiply|-p size=2048 -p threads=1"
  "gemm2048-t2|GemmPeakBenchmark.multiply|-p size=2048 -p threads=2"
  "train128-t2|TrainStepBenchmark.trainStep|-p route=manual -p batchSize=128 -p threads=2 -prof gc"
  "train128-t1|TrainStepBenchmark.trainStep|-p route=manual -p batchSize=128 -p threads=1"
  "train32-t2|TrainStepBenchmark.trainStep|-p route=manual -p batchSize=32 -p threads=2"
  "infer128-t2|InferenceBenchmark.predict|-p route=manual -p batchSize=128 -p threads=2"
)
# JOBS_ONLY (a regex over the job names) picks a subset; default: the first three, as before
ONLY=${JOBS_ONLY:-^(gemm2048-t1|gemm2048-t2|train128-t2)$}
KEPT=()
for job in "${JOBS[@]}"; do [[ ${job%%|*} =~ $ONLY ]] && KEPT+=("$job"); done
JOBS=("${KEPT[@]}")
mkdir -p "$OUT"
{
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- manual-backprop || echo -dirty)"
  for n in "${NAMES[@]}"; do
    echo "$n: $("${HOME_OF[$n]}/bin/java" -version 2>&1 | head -1), classes ${CLASSES_OF[$n]}"
  done
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-), $(nproc) cpus"
  echo "JMH per fork: -f 1 -wi 5 -w 1s -i 5 -r 1s; $ROUNDS rounds"
} >> "$OUT/run.txt"
for r in $(seq 1 "$ROUNDS"); do
  order=("${NAMES[@]}")
  if (( r % 2 == 0 )); then order=("${NAMES[1]}" "${NAMES[0]}"); fi
  for job in "${JOBS[@]}"; do
    IFS='|' read -r name include opts <<< "$job"
    for k in "${order[@]}"; do
      file=$OUT/$name-$k-r$r
      # JMH allows one run per machine (/tmp/jmh.lock): wait while someone else measures
      while true; do
        echo "round $r $name $k load $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)" >> "$OUT/run.txt"
        # shellcheck disable=SC2086
        "${HOME_OF[$k]}/bin/java" --add-modules jdk.incubator.vector \
          -cp "$BENCH_CP:${CLASSES_OF[$k]}:$ROUTE_CP" \
          org.openjdk.jmh.Main "$include" -f 1 -wi 5 -w 1s -i 5 -r 1s $opts \
          -rf json -rff "$file.json" > "$file.log" 2>&1 || true
        grep -q "Unable to acquire the JMH lock" "$file.log" || break
        sleep 10
      done
    done
  done
done
echo "done: $OUT"
