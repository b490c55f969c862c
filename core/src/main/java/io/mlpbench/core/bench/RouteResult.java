package io.mlpbench.core.bench;

import java.util.List;

/**
 * One route's JMH result at one setting, as the benchmarks runner measured it.
 *
 * @param benchmark {@link #TRAIN} (one optimizer step), {@link #INFERENCE} (forward + argmax) or
 *     {@link #FEED} (the batch put into the route's input form, no training)
 * @param layerSizes the model's dense layer sizes, input first and classes last
 * @param samplesPerSecond JMH's score and 99.9% error, in samples/s
 * @param forks each JVM fork's iterations with the machine's contention per iteration
 * @param gflops samples/s x the model's FLOPs per sample ({@link io.mlpbench.core.FlopCount}); null
 *     for {@link #FEED}
 * @param percentOfPeak of this run's GEMM peak at the same thread count; null when there is none
 * @param peakRssKb the largest peak resident memory (VmHWM) of the forks; null if not recorded
 * @param peakHeapKb the largest peak Java heap use of the forks; null if not recorded
 * @param allocatedBytesPerSample heap allocation per sample (JMH {@code gc} profiler); null unless
 *     it ran
 * @param jdk the JVM that ran the forks, as JMH reports it
 */
public record RouteResult(
    String benchmark,
    String route,
    int batchSize,
    int threads,
    List<Integer> layerSizes,
    String activation,
    Measurement samplesPerSecond,
    List<Fork> forks,
    Measurement gflops,
    Double percentOfPeak,
    Long peakRssKb,
    Long peakHeapKb,
    Double allocatedBytesPerSample,
    String jdk) {
  public static final String TRAIN = "train";
  public static final String INFERENCE = "infer";
  public static final String FEED = "feed";

  public RouteResult {
    layerSizes = List.copyOf(layerSizes);
    forks = List.copyOf(forks);
  }

  /**
   * One JVM fork: its per-iteration samples/s and what else the machine did meanwhile (the
   * benchmarks' contention profiler); the contention lists are empty where it did not record.
   *
   * @param busy per iteration, whether it was measured on a busy machine
   * @param otherCpuCores per iteration, CPU used by other processes, in cores
   * @param stealPercent per iteration, hypervisor steal, % of the machine
   * @param loadAverage per iteration, the 1-minute load average at its end
   * @param processCpuCores per iteration, the measuring JVM's CPU seconds per wall second
   */
  public record Fork(
      List<Double> samples,
      List<Boolean> busy,
      List<Double> otherCpuCores,
      List<Double> stealPercent,
      List<Double> loadAverage,
      List<Double> processCpuCores) {
    public Fork {
      samples = List.copyOf(samples);
      busy = List.copyOf(busy);
      otherCpuCores = List.copyOf(otherCpuCores);
      stealPercent = List.copyOf(stealPercent);
      loadAverage = List.copyOf(loadAverage);
      processCpuCores = List.copyOf(processCpuCores);
    }
  }
}
