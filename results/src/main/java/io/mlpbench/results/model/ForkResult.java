package io.mlpbench.results.model;

import java.util.List;

/**
 * One JMH fork (one JVM) of one measurement: its per-iteration samples/s and what else the machine
 * did during each iteration (the benchmarks module's {@code ContentionProfiler}). The fork, not the
 * iteration, is the unit of replication: iterations inside one JVM share its JIT decisions, heap
 * layout and the machine's state of the moment.
 *
 * @param samples per-iteration score, in the result's unit
 * @param busy per iteration, whether it was measured on a busy machine; empty when not recorded
 * @param otherCpuCores per iteration, CPU used by other processes (cores); empty when not recorded
 * @param stealPercent per iteration, hypervisor steal (% of the machine); empty when not recorded
 * @param loadAverage per iteration, the 1-minute load average at its end; empty when not recorded
 * @param processCpuCores per iteration, the measuring JVM's CPU seconds per wall second
 */
public record ForkResult(
    List<Double> samples,
    List<Boolean> busy,
    List<Double> otherCpuCores,
    List<Double> stealPercent,
    List<Double> loadAverage,
    List<Double> processCpuCores) {

  public ForkResult {
    samples = samples == null ? List.of() : List.copyOf(samples);
    busy = busy == null ? List.of() : List.copyOf(busy);
    otherCpuCores = otherCpuCores == null ? List.of() : List.copyOf(otherCpuCores);
    stealPercent = stealPercent == null ? List.of() : List.copyOf(stealPercent);
    loadAverage = loadAverage == null ? List.of() : List.copyOf(loadAverage);
    processCpuCores = processCpuCores == null ? List.of() : List.copyOf(processCpuCores);
  }

  /** A fork without a contention record (e.g. a record written before it existed). */
  public static ForkResult of(List<Double> samples) {
    return new ForkResult(samples, null, null, null, null, null);
  }

  /** The fork's summary: the mean of its iterations (NaN without any). */
  public double mean() {
    return samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Busy iterations; a fork counts as busy when at least half of its iterations were. */
  public long busyIterations() {
    return busy.stream().filter(Boolean::booleanValue).count();
  }

  public boolean measuredBusy() {
    return !busy.isEmpty() && 2 * busyIterations() >= busy.size();
  }

  public boolean contentionRecorded() {
    return !busy.isEmpty();
  }
}
