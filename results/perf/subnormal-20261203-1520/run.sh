#!/usr/bin/env bash
# Before/after the Adam moment flush: 5 MNIST epochs of manual, 2 threads, the two builds
# alternating for ROUNDS pairs. Usage: run.sh BEFORE_CLASSES AFTER_CLASSES [ROUNDS]
# (each a manual-backprop target/classes; core and dataset classes come from this checkout).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=../../..
DEPS=$(cat $ROOT/manual-backprop/target/route-classpath.txt)
mkdir -p out
javac -d out -cp "$2:$DEPS" EpochTimes.java
for r in $(seq 1 "${3:-3}"); do
  for side in before after; do
    classes=$1; [ $side = after ] && classes=$2
    echo "round $r $side $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg): $(java --add-modules jdk.incubator.vector -cp "out:$classes:$DEPS" EpochTimes 2 2>/dev/null)"
  done
done
