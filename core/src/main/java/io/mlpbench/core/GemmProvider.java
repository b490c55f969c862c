package io.mlpbench.core;

/**
 * Optional: a route module's fastest single-precision matrix multiply, used only by the benchmarks
 * to calibrate the machine's practical FP32 peak (so a route's GFLOP/s can be read as a fraction of
 * it). List implementations in {@code META-INF/services/io.mlpbench.core.GemmProvider}; like
 * routes, providers must be cheap to construct (no native loading until {@link #create}), and
 * framework types never leave the module.
 */
public interface GemmProvider {

  /** The library that does the work, e.g. {@code OpenBLAS 0.3.19 (ND4J 1.0.0-M2.1)}. */
  String library();

  /**
   * Copies the row-major {@code n x n} operands {@code a} and {@code b} into the library's own
   * memory, using {@code threads} compute threads.
   */
  Kernel create(int n, float[] a, float[] b, int threads);

  /** Operands held in native memory; {@link #multiply} is what gets timed. */
  interface Kernel extends AutoCloseable {
    /** Computes {@code C = A B} once; returns {@code C[0][0]} so the call cannot be skipped. */
    float multiply();

    /** A copy of the last product, row-major, to verify it (never timed). */
    float[] product();

    @Override
    void close();
  }
}
