package io.mlpbench.bench.testroutes;

import io.mlpbench.core.GemmProvider;

/** A test-only {@link GemmProvider}: a plain triple loop, to exercise the peak calibration. */
public final class NaiveGemmProvider implements GemmProvider {
  public static final String LIBRARY = "naive Java loop (test fixture)";

  @Override
  public String library() {
    return LIBRARY;
  }

  @Override
  public Kernel create(int n, float[] a, float[] b, int threads) {
    float[] c = new float[n * n];
    return new Kernel() {
      @Override
      public float multiply() {
        java.util.Arrays.fill(c, 0f);
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < n; k++) {
            float aik = a[i * n + k];
            for (int j = 0; j < n; j++) {
              c[i * n + j] += aik * b[k * n + j];
            }
          }
        }
        return c[0];
      }

      @Override
      public float[] product() {
        return c.clone();
      }

      @Override
      public void close() {}
    };
  }
}
