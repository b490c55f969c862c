package io.mlpbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared JMH settings of every benchmark here (JMH inherits class annotations), so the benchmark
 * classes stay small. Throughput per second; one JMH thread, because a route's parallelism is its
 * own {@code threads} parameter, not concurrent callers. The iteration counts are the defaults for
 * a bare {@code org.openjdk.jmh.Main} run; {@link BenchmarkRunner} sets them per profile.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public abstract class RouteBenchmarkBase {}
