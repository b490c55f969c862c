#!/usr/bin/env bash
# Why does DJL collapse on a busy machine (issue 18, "Shared-machine behaviour")? Interleaved JMH
# forks of djl-loop's training step (batch 128) in three thread settings, each with and without a
# competing busy process (one core of load): 2 threads as the route runs today (libgomp's default
# wait policy: spin), 2 threads with OMP_WAIT_POLICY=PASSIVE (waiters sleep), and 1 thread.
# One JSON + log per fork in OUT; run.txt has the load average before each fork.
# Summarize with: python3 results/perf/summarize.py OUT   (or the per-variant medians in run.txt)
#
# Usage: results/perf/djl-contention.sh OUT ROUNDS   (djl-impl and benchmarks packaged)
set -euo pipefail
OUT=$1
ROUNDS=$2
ROUTE_CP=$(pwd)/djl-impl/target/classes:$(cat djl-impl/target/route-classpath.txt)
JMH_CP=$(tr ':' '\n' < benchmarks/target/bench-classpath.txt | grep -E 'jmh-core|jopt-simple|commons-math3' | paste -sd:)
BENCH_CP=$(pwd)/benchmarks/target/classes:$JMH_CP
# name | threads | extra environment
# (VARIANTS="name|threads|VAR=value;..." overrides, e.g. to try libgomp's GOMP_SPINCOUNT)
if [[ -n "${VARIANTS:-}" ]]; then IFS=';' read -r -a VARIANTS <<< "$VARIANTS"
else VARIANTS=("t2|2|" "t2-passive|2|OMP_WAIT_POLICY=PASSIVE" "t1|1|"); fi
mkdir -p "$OUT"
echo "commit=$(git rev-parse --short HEAD); $(nproc) cpus; JMH per fork: -f 1 -wi 3 -w 1s -i 3 -r 1s; $ROUNDS rounds" >> "$OUT/run.txt"
busy=""
stop_busy() { [[ -n "$busy" ]] && kill "$busy" 2>/dev/null; wait "$busy" 2>/dev/null || true; busy=""; }
trap stop_busy EXIT
for r in $(seq 1 "$ROUNDS"); do
  for load in quiet loaded; do
    [[ "$load" == loaded ]] && { ( while :; do :; done ) & busy=$!; sleep 1; }
    order=("${VARIANTS[@]}")
    if (( r % 2 == 0 )); then # reversed every other round
      order=(); for (( i = ${#VARIANTS[@]} - 1; i >= 0; i-- )); do order+=("${VARIANTS[i]}"); done
    fi
    for v in "${order[@]}"; do
      IFS='|' read -r name threads extra <<< "$v"
      file=$OUT/$name-$load-r$r
      echo "round $r $name $load load $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)" >> "$OUT/run.txt"
      props="-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
      # shellcheck disable=SC2086
      env OMP_NUM_THREADS="$threads" $extra java $props -cp "$BENCH_CP:$ROUTE_CP" \
        org.openjdk.jmh.Main TrainStepBenchmark.trainStep -f 1 -wi 3 -w 1s -i 3 -r 1s \
        -p route=djl-loop -p batchSize=128 -p threads="$threads" -jvmArgsAppend "$props" \
        -rf json -rff "$file.json" > "$file.log" 2>&1 || echo "fork $file failed" >> "$OUT/run.txt"
    done
    stop_busy
  done
done
