package io.mlpbench.manual;

import io.mlpbench.core.GemmProvider;

/**
 * The route's own Vector API kernel ({@link Gemm}: packed, cache-blocked, 12 x 2- or 6 x 2-vector
 * register tile) as a GEMM provider, split over a {@link WorkerPool} of the requested threads
 * exactly as the training step splits its products. Without it the calibrated "peak" could sit
 * below what {@code manual} itself reaches, and its % of peak would read above 100.
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
    return new PoolKernel(n, a, b, new WorkerPool(threads));
  }

  private static final class PoolKernel implements Kernel, WorkerPool.Job {
    private final int n;
    private final int stride;
    private final float[] a;
    private final float[] b;
    private final float[] c;
    private final WorkerPool pool;
    private final Gemm gemm;

    PoolKernel(int n, float[] a, float[] b, WorkerPool pool) {
      this.n = n;
      this.stride = Gemm.rowStride(n);
      this.a = padded(a, n, stride);
      this.b = padded(b, n, stride);
      this.c = new float[n * stride];
      this.pool = pool;
      this.gemm = new Gemm(pool.parts());
    }

    private static float[] padded(float[] values, int n, int stride) {
      float[] out = new float[n * stride];
      for (int r = 0; r < n; r++) {
        System.arraycopy(values, r * n, out, r * stride, n);
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
          stride,
          1,
          b,
          stride,
          1,
          null,
          c,
          stride,
          n,
          n,
          Gemm.padded(n),
          Epilogue.NONE,
          null,
          null);
    }

    @Override
    public float[] product() {
      float[] out = new float[n * n];
      for (int r = 0; r < n; r++) {
        System.arraycopy(c, r * stride, out, r * n, n);
      }
      return out;
    }

    @Override
    public void close() {
      pool.close();
    }
  }
}
