#!/bin/bash
OUT=${OUTDIR:-/tmp/repro5}; rm -rf $OUT; mkdir -p $OUT
cd ${DIR:-/tmp/ci-clone}
java -cp benchmarks/target/classes:$(cat benchmarks/target/bench-classpath.txt) -Dmlpbench.root=. -Dbench.profile=quick -Dbench.forks=${FORKS:-20} -Dbench.routes=manual -Dbench.benchmarks=train -Dbench.peak=false -Dbench.out=$OUT/jmh io.mlpbench.bench.BenchmarkRunner > $OUT/stdout.txt 2>&1 &
runner=$!
done_pids=""
while kill -0 $runner 2>/dev/null; do
  sleep 0.5
  last=$(grep -E "Warmup Iteration   2:" $OUT/stdout.txt | tail -1 | awk '{print $(NF-1)}')
  pid=$(pgrep -f ForkedMain | head -1)
  [ -z "$pid" ] && continue
  case " $done_pids " in *" $pid "*) continue;; esac
  if [ -n "$last" ] && awk "BEGIN{exit !($last < 100)}"; then
    # make sure this warmup line belongs to this pid: count lines
    echo "slow fork pid $pid (warmup2 $last)"
    jmap -histo $pid > $OUT/histo-$pid.txt 2>&1

    for d in 1 2 3 4; do jstack $pid > $OUT/stack-$pid-$d.txt 2>&1; sleep 0.3; done
    done_pids="$done_pids $pid"
  fi
done
grep -E "Iteration   [123]:" $OUT/stdout.txt | grep -v Warmup | awk '{print $(NF-1)}' | tr '\n' ' '
