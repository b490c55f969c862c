package io.mlpbench.results.model;

import io.mlpbench.core.bench.GemmPeak;
import java.util.List;

/**
 * One JMH measurement of one route: samples/s with JMH's error, and the raw per-iteration samples
 * (needed by the noise-aware comparison). A failed route has status "failed" and no score.
 *
 * @param benchmark "train" (one optimizer step) or "infer" (forward + argmax), or "gemm-peak"
 * @param rawSamples every fork's iterations in one list (kept for readers of older records)
 * @param forks the same samples per fork, with each iteration's contention record; null in records
 *     written before forks were kept, which {@link #forkResults()} then reads as a single fork
 * @param peakRssKb the largest peak resident memory of the measuring JVMs; null when not recorded
 * @param peakHeapKb the largest peak Java heap in use of the measuring JVMs; null when not recorded
 * @param peak the GEMM peak {@code percentOfPeak} is relative to; null when there was none
 */
public record ThroughputResult(
    String route,
    String benchmark,
    int batchSize,
    int threads,
    Double score,
    Double scoreError,
    String unit,
    List<Double> rawSamples,
    Double gflops,
    Double percentOfPeak,
    String status,
    String failure,
    List<ForkResult> forks,
    Long peakRssKb,
    Long peakHeapKb,
    GemmPeak peak) {

  /** Without per-fork data, as records before fork-level statistics had it. */
  public ThroughputResult(
      String route,
      String benchmark,
      int batchSize,
      int threads,
      Double score,
      Double scoreError,
      String unit,
      List<Double> rawSamples,
      Double gflops,
      Double percentOfPeak,
      String status,
      String failure) {
    this(
        route,
        benchmark,
        batchSize,
        threads,
        score,
        scoreError,
        unit,
        rawSamples,
        gflops,
        percentOfPeak,
        status,
        failure,
        null,
        null,
        null,
        null);
  }

  /**
   * The forks of this measurement. An older record without {@link #forks} counts as ONE fork of all
   * its raw samples: its iterations cannot be told apart by fork, and treating them as independent
   * forks is exactly the error that made 5 iterations of one fork look like p = 0.009.
   */
  public List<ForkResult> forkResults() {
    if (forks != null && !forks.isEmpty()) {
      return forks;
    }
    return rawSamples == null || rawSamples.isEmpty()
        ? List.of()
        : List.of(ForkResult.of(rawSamples));
  }
}
