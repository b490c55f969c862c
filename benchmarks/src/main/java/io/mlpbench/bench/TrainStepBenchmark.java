package io.mlpbench.bench;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * How many training samples per second does a route push through one optimizer step (forward,
 * backward, Adam update) at a given batch size and thread count?
 *
 * <p>One invocation is one {@code trainStep} on a batch assembled in setup; the score to read is
 * the secondary metric {@code samples} (samples/s), the primary one counts batches. What would make
 * the number lie: assembling batches inside the measured region (we pre-build them), one constant
 * batch a framework could cache (we cycle {@value RouteState#DISTINCT_BATCHES} real MNIST batches),
 * a diverged model running NaN kernels (the loss is checked after every iteration), JIT or native
 * warm-up inside the measurement (warm-up iterations run first), and other load on the machine
 * (JMH's error is reported beside every score; differences inside it are not a ranking).
 */
public class TrainStepBenchmark extends RouteBenchmarkBase {

  @Benchmark
  public float trainStep(RouteState state, SampleCounter counter) {
    var batch = state.nextBatch();
    counter.samples += batch.rows();
    return state.train(batch); // the loss goes to JMH's implicit Blackhole
  }
}
