package io.mlpbench.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts samples, so JMH reports samples/s as the secondary metric {@code samples} (with its own
 * error and raw data) next to the primary batches/s. {@code @OperationsPerInvocation} would need
 * the batch size as a compile-time constant, which a {@code @Param} is not.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class SampleCounter {
  /** Samples processed in the current iteration (public: JMH reads it). */
  public long samples;

  @Setup(Level.Iteration)
  public void reset() {
    samples = 0;
  }
}
