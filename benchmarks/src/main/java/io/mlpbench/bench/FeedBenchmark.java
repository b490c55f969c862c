package io.mlpbench.bench;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * How much of a training step is the suite's work rather than the framework's? One invocation is
 * one {@code Trainer.feed}: the batch put into the route's input form exactly as {@code trainStep}
 * puts it (tensors, native arrays, staging buffers), then released, with no training. The report
 * divides its time per batch by the step's (same route, batch size and threads) to give each
 * route's feeding share of a step, with an interval over forks.
 *
 * <p>What would make the number lie: a copy the JIT could drop (feed returns a value read back from
 * the staged input, and it goes to JMH's Blackhole), one cached batch (we cycle {@value
 * RouteState#DISTINCT_BATCHES} as the step does), and caches warmer than in a step (a step streams
 * the weights between two feeds; alone, the batch and buffers stay in cache, so this is a lower
 * bound on the share, not an upper one).
 */
public class FeedBenchmark extends RouteBenchmarkBase {

  @Benchmark
  public float feed(RouteState state, SampleCounter counter) {
    var batch = state.nextBatch();
    counter.samples += batch.rows();
    return state.trainer().feed(batch);
  }
}
