#!/usr/bin/env bash
# manual's current build on Java 17 vs Java 25, interleaved JMH forks (issue 18, item 4).
# Usage (checkout root, benchmarks and manual-backprop packaged): results/perf/ab-jdk.sh [rounds]
set -euo pipefail
CLASSES=$(pwd)/manual-backprop/target/classes
exec "$(dirname "$0")/interleave.sh" "$(pwd)/results/perf/jdk-$(date -u +%Y%m%d-%H%M%S)" "${1:-5}" \
  "jdk17=/usr/lib/jvm/java-17-openjdk-amd64:$CLASSES" \
  "jdk25=/usr/lib/jvm/temurin-25-jdk-amd64:$CLASSES"
