package io.mlpbench.core.bench;

/**
 * One SGEMM calibration: the machine's practical FP32 rate at one thread count through one library.
 *
 * @param busy measured while the machine was busy: refused as a peak, so "% of peak" does not move
 *     with the load
 * @param theoreticalGflops the data-sheet peak at these threads, shown beside the measured one and
 *     never a denominator; null where the CPU's vector ISA or clock is unknown
 * @param theoreticalFormula how {@code theoreticalGflops} was derived; null with it
 * @param reusedFrom null when measured in this run; else the earlier result file (and its date)
 *     this quiet peak was taken from because this run's calibration was busy
 */
public record GemmPeak(
    int threads,
    int size,
    String library,
    Measurement gflops,
    boolean busy,
    Double theoreticalGflops,
    String theoreticalFormula,
    String reusedFrom) {

  /** This peak as the denominator of a run it was not measured in. */
  public GemmPeak reusedFrom(String source) {
    return new GemmPeak(
        threads, size, library, gflops, busy, theoreticalGflops, theoreticalFormula, source);
  }
}
