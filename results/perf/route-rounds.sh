#!/usr/bin/env bash
# Route ratios that hold on a shared machine (issue 18's goals). The benchmarks runner measures the
# routes one after the other with all forks of a route back to back, so a minute-long burst from a
# neighbour lands on one route only and the fork-level interval cannot see it (2026-12-03: manual's
# SGEMM fell from ~100 to 60 GFLOP/s for one route's window while TF's, right after, did not).
# Here each round is one quick-profile run with 1 fork per route and GEMM library; rounds are the
# unit of replication, and ratios are taken within a round (paired), so drift slower than a round
# cancels and bursts show up as spread. Summarize with route_rounds.py.
#
# Usage: results/perf/route-rounds.sh OUT ROUNDS [benchmarks, default train,inference]
set -euo pipefail
OUT=$1
ROUNDS=$2
BENCHMARKS=${3:-train,inference}
mkdir -p "$OUT"
{
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo -dirty)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-), $(nproc) cpus"
  echo "per round: mvn -o -q -B -pl benchmarks verify -DskipTests -Dspotless.check.skip=true" \
    "-Dbench.profile=quick -Dbench.forks=1 -Dbench.benchmarks=$BENCHMARKS -Dbench.out=$OUT/r<k>"
} >> "$OUT/run.txt"
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r start $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/run.txt"
  mvn -o -q -B -pl benchmarks verify -DskipTests -Dspotless.check.skip=true -Dbench.profile=quick \
    -Dbench.forks=1 -Dbench.benchmarks="$BENCHMARKS" -Dbench.out="$OUT/r$r" > "$OUT/r$r.log" 2>&1 ||
    echo "round $r: runner exited $?" >> "$OUT/run.txt"
done
echo "done $(date -u +%H:%M:%S)" >> "$OUT/run.txt"
python3 "$(dirname "$0")/route_rounds.py" "$OUT" > "$OUT/summary.md"
cat "$OUT/summary.md"
