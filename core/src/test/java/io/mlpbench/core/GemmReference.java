package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;

/**
 * The check of {@link GemmProviderContractTest}: a provider's product against a double-precision
 * triple loop, written here so that {@link GemmProviderContractRejectsWrongProvidersTest} can show
 * it fails for wrong kernels.
 */
final class GemmReference {
  /**
   * Odd and prime: not a multiple of any vector width or register tile, so every kernel's edge
   * paths run; small, so the double loop costs nothing.
   */
  static final int SIZE = 67;

  private GemmReference() {}

  /**
   * Asserts that {@code provider}, at {@code threads} threads, computes C = A B for random {@link
   * #SIZE} x {@link #SIZE} operands, that {@code multiply} returns C[0][0], and that a second call
   * gives the same C[0][0].
   */
  static void assertMultiplies(GemmProvider provider, int threads) {
    int n = SIZE;
    float[] a = random(n * n, 1);
    float[] b = random(n * n, 2);
    try (GemmProvider.Kernel kernel = provider.create(n, a.clone(), b.clone(), threads)) {
      float first = kernel.multiply();
      float[] c = kernel.product();
      assertThat(c).as("product, %d threads", threads).hasSize(n * n);
      assertThat(first).as("multiply() returns C[0][0], %d threads", threads).isEqualTo(c[0]);
      assertThat(kernel.multiply()).as("a second multiply(), %d threads", threads).isEqualTo(first);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double exact = 0;
          double magnitude = 0;
          for (int p = 0; p < n; p++) {
            double term = (double) a[i * n + p] * b[p * n + j];
            exact += term;
            magnitude += Math.abs(term);
          }
          // float sums of n products in any order: rounding error at most ~n * 2^-24 * sum|terms|
          double tolerance = n * Math.ulp(1f) / 2 * magnitude;
          assertThat((double) c[i * n + j])
              .as("C(%d, %d), %d threads", i, j, threads)
              .isCloseTo(exact, Offset.offset(tolerance));
        }
      }
    }
  }

  /** {@code length} values uniform in [-1, 1), reproducible from {@code seed}. */
  static float[] random(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }
}
