#!/usr/bin/env bash
# The verdict calibration experiment (issue 15, "How we will know"): how often does `ab` call a
# regression between runs of the SAME code (false alarms, half of them under a competing CPU load
# that this script starts), and how often does it catch a route that does exactly 10% (and 5%) more
# arithmetic than `manual` (power)? Every comparison is one interleaved `./mlp-bench ab` session.
#
#   benchmarks/calibrate.sh                     # full: 6 same-code + 10 x 10% + 10 x 5%, 5 forks a side
#   SAME=2 POWER10=2 POWER5=0 FORKS=5 LABEL=reduced-loaded benchmarks/calibrate.sh   # reduced
#
# Writes results/calibration/<stamp>-<label>/: every session's ab-*.json (raw forks, contention per
# iteration, verdict), calibration.tsv (one line per comparison) and summary.md.
# Needs: the suite built (mvn -B package -DskipTests -Dbench.skip=true) and the benchmarks test
# classes compiled (mvn -B test-compile -pl benchmarks), which hold the test-only slowed routes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAME="${SAME:-6}" POWER10="${POWER10:-10}" POWER5="${POWER5:-10}" FORKS="${FORKS:-5}"
PROFILE="${PROFILE:-quick}" LABEL="${LABEL:-full}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$root/results/calibration/$stamp-$LABEL"
mkdir -p "$out/raw"

# A one-module checkout whose route module sees manual-backprop AND the benchmarks test classes:
# it offers manual, manual-plus10 and manual-plus5, and exists only for this experiment.
slowed="$root/target/calibration-root"
test -f "$root/manual-backprop/target/route-classpath.txt" || { echo "build manual-backprop first" >&2; exit 2; }
test -f "$root/benchmarks/target/test-classes/io/mlpbench/bench/calibration/SlowedRouteProvider.class" \
  || { echo "compile the benchmarks test classes first: mvn -B test-compile -pl benchmarks" >&2; exit 2; }
mkdir -p "$slowed/manual-slowed/target"
printf '%s' "$root/manual-backprop/target/classes:$(cat "$root/manual-backprop/target/route-classpath.txt"):$root/benchmarks/target/test-classes" \
  > "$slowed/manual-slowed/target/route-classpath.txt"

ab() { # <name> <candidate-route> <load: 0|1>
  local name="$1" route="$2" load="$3" pid="" started ended status
  if [[ "$load" == 1 ]]; then
    # a competing CPU load: one busy process (one core of the machine) for the whole session
    ( while :; do :; done ) & pid=$!
  fi
  started=$(date +%s)
  set +e
  MLPBENCH_NO_BUILD=1 "$root/mlp-bench" ab --baseline "dir:$slowed" --candidate "dir:$slowed" \
    --route manual --candidate-route "$route" --forks "$FORKS" --profile "$PROFILE" \
    --out "$out/raw/$name" > "$out/raw/$name.log" 2>&1
  status=$?
  set -e
  ended=$(date +%s)
  [[ -n "$pid" ]] && kill "$pid" && wait "$pid" 2>/dev/null || true
  local json verdict change detail
  json="$(ls "$out/raw/$name"/ab-*.json 2>/dev/null | head -1 || true)"
  if [[ -z "$json" ]]; then
    verdict="FAILED (exit $status, see raw/$name.log)"; change=""; detail=""
  else
    verdict="$(grep -o '"label" : "[^"]*"' "$json" | tail -1 | sed 's/.*: "//; s/"$//')"
    change="$(grep -o '"changePercent" : [-0-9.eE]*' "$json" | sed 's/.*: //')"
    detail="$(grep -o '"detail" : "[^"]*"' "$json" | tail -1 | sed 's/.*: "//; s/"$//')"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$route" "$load" "$verdict" "$change" \
    "$((ended - started))" "$detail" | tee -a "$out/calibration.tsv"
}

printf 'comparison\tcandidate\tcompeting_load\tverdict\tchange_percent\tseconds\tdetail\n' > "$out/calibration.tsv"
for i in $(seq 1 "$SAME"); do ab "same-$i" manual $(( i % 2 == 0 ? 1 : 0 )); done
for i in $(seq 1 "$POWER10"); do ab "plus10-$i" manual-plus10 0; done
for i in $(seq 1 "$POWER5"); do ab "plus5-$i" manual-plus5 0; done

count() { awk -F'\t' -v c="$1" -v v="$2" 'NR > 1 && $2 == c && $4 ~ v' "$out/calibration.tsv" | wc -l; }
{
  echo "# Verdict calibration $stamp ($LABEL)"
  echo
  echo "Profile $PROFILE, $FORKS forks a side per comparison, interleaved A B A B; machine: $(nproc) cores,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| comparisons | regression | improvement | no change | inconclusive |"
  echo "|---|---:|---:|---:|---:|"
  for c in manual manual-plus10 manual-plus5; do
    n=$(awk -F'\t' -v c="$c" 'NR > 1 && $2 == c' "$out/calibration.tsv" | wc -l)
    [[ "$n" -eq 0 ]] && continue
    echo "| manual vs $c ($n) | $(count "$c" '^regression') | $(count "$c" '^improvement') | $(count "$c" '^no change') | $(count "$c" '^inconclusive') |"
  done
  echo
  echo "Seconds per comparison: $(awk -F'\t' 'NR > 1 {s += $6; n++} END {if (n) printf "%.0f (mean of %d)", s / n, n}' "$out/calibration.tsv")."
  echo "Raw data: raw/*/ab-*.json (every fork's iterations with its contention record) and calibration.tsv."
} > "$out/summary.md"
cat "$out/summary.md"
