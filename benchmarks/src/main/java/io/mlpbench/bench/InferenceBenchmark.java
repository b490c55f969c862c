package io.mlpbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many samples per second does a route classify (forward pass + argmax, {@code
 * Trainer.predictClasses}) at a given batch size and thread count?
 *
 * <p>The model is the untrained shared initial one: forward cost does not depend on the weights'
 * values. Score: the secondary metric {@code samples} (samples/s). What would make the number lie:
 * a framework returning a cached result for a repeated input (we cycle {@value
 * RouteState#DISTINCT_BATCHES} batches), dead-code elimination of an unused result (it goes to a
 * Blackhole), and measuring the copy of the batch into native memory as part of "inference" -- it
 * is included on purpose, because every caller of {@code predictClasses} pays it too.
 */
public class InferenceBenchmark extends RouteBenchmarkBase {

  @Benchmark
  public void predict(RouteState state, SampleCounter counter, Blackhole blackhole) {
    var batch = state.nextBatch();
    counter.samples += batch.rows();
    blackhole.consume(state.trainer().predictClasses(batch.features(), batch.rows()));
  }
}
