package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;

/**
 * Checks a {@link GemmProvider}'s product against a double-precision reference, for every module's
 * provider test.
 */
public final class GemmReference {
  private GemmReference() {}

  /** {@code length} values uniform in [-1, 1), reproducible from {@code seed}. */
  public static float[] random(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }

  /** Asserts row-major {@code c} (m x n) equals {@code a} (m x k) times {@code b} (k x n). */
  public static void assertMatchesReference(int m, int k, int n, float[] a, float[] b, float[] c) {
    assertThat(c).hasSize(m * n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double exact = 0;
        double magnitude = 0;
        for (int p = 0; p < k; p++) {
          double term = (double) a[i * k + p] * b[p * n + j];
          exact += term;
          magnitude += Math.abs(term);
        }
        // float sums of k products: rounding error at most ~k * 2^-24 * sum|terms|
        double tolerance = k * Math.ulp(1f) / 2 * magnitude;
        assertThat((double) c[i * n + j])
            .as("C(%d, %d)", i, j)
            .isCloseTo(exact, Offset.offset(tolerance));
      }
    }
  }
}
