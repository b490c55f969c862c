package io.mlpbench.manual;

import io.mlpbench.core.GemmProvider;

/**
 * The route's own Vector API kernel ({@link Gemm}: packed, cache-blocked, 12 x 2-vector register
 * tile) as a GEMM provider, split over a {@link WorkerPool} of the requested threads exactly as the
 * training step splits its products. Without it the calibrated "peak" could sit below what {@code
 * manual} itself reaches, and its % of peak would read above 100.
 *
 * <p>Operands are copied once into the layout the training step uses: rows {@link Gemm#rowStride}
 * floats apart (padded to whole vectors, and off power-of-two strides against cache aliasing), the
 * padding zero, so the timed call is exactly one {@code Gemm.multiply} per thread (its packing of A
 * and B included, as in training).
 */
public final class ManualGemmProvider implements GemmProvider {

  @Override
  public String library() {
    return "manual-backprop Vector API GEMM (Java " + Runtime.version().feature() + ")";
  }

  @Override
  public Kernel create(int n, float[] a, float[] b, int threads) {
    return create(n, n, n, a, b, threads);
  }

  /** C = A B for row-major A (m x k) and B (k x n); the SPI uses the square case. */
  static Kernel create(int m, int k, int n, float[] a, float[] b, int threads) {
    if (a.length < m * k || b.length < k * n) {
      throw new IllegalArgumentException(
          String.format(
              "operands too short for %d x %d times %d x %d: got %d and %d floats",
              m, k, k, n, a.length, b.length));
    }
    return new PoolKernel(m, k, n, a, b, new WorkerPool(threads));
  }

  private static final class PoolKernel implements Kernel, WorkerPool.Job {
    private final int m;
    private final int k;
    private final int n;
    private final int lda;
    private final int ldb;
    private final int ldc;
    private final float[] a;
    private final float[] b;
    private final float[] c;
    private final WorkerPool pool;
    private final Gemm gemm;

    PoolKernel(int m, int k, int n, float[] a, float[] b, WorkerPool pool) {
      this.m = m;
      this.k = k;
      this.n = n;
      this.lda = Gemm.rowStride(k);
      this.ldb = Gemm.rowStride(n);
      this.ldc = Gemm.rowStride(n);
      this.a = padded(a, m, k, lda);
      this.b = padded(b, k, n, ldb);
      this.c = new float[m * ldc];
      this.pool = pool;
      this.gemm = new Gemm(pool.parts());
    }

    private static float[] padded(float[] values, int rows, int cols, int stride) {
      float[] out = new float[rows * stride];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(values, r * cols, out, r * stride, cols);
      }
      return out;
    }

    @Override
    public float multiply() {
      pool.run(this);
      return c[0];
    }

    /** Part {@code part}'s share of C, split as in the training step. */
    @Override
    public void run(int part, int parts) {
      gemm.multiply(
          part,
          parts,
          a,
          0,
          lda,
          1,
          b,
          ldb,
          c,
          ldc,
          m,
          k,
          Gemm.padded(n),
          Epilogue.NONE,
          null,
          null);
    }

    @Override
    public float[] product() {
      float[] out = new float[m * n];
      for (int r = 0; r < m; r++) {
        System.arraycopy(c, r * ldc, out, r * n, n);
      }
      return out;
    }

    @Override
    public void close() {
      pool.close();
    }
  }
}
