package io.mlpbench.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.core.GemmProvider;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The OpenBLAS GEMM provider computes C = A B. */
class Nd4jGemmProviderTest {

  @Test
  void productOfOddSizedMatricesMatchesDoubleReference() {
    int m = 67;
    int k = 45;
    int n = 83;
    float[] a = random(m * k, 1);
    float[] b = random(k * n, 2);
    try (GemmProvider.Kernel kernel = Nd4jGemmProvider.create(m, k, n, a, b, 2)) {
      float first = kernel.multiply();
      float[] c = kernel.product();
      assertThat(first).isEqualTo(c[0]);
      assertMatchesReference(m, k, n, a, b, c);
    }
  }

  @Test
  void registeredProviderMultipliesSquareMatrices() {
    GemmProvider provider =
        ServiceLoader.load(GemmProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p instanceof Nd4jGemmProvider)
            .findFirst()
            .orElseThrow();
    assertThat(provider.library()).isEqualTo("OpenBLAS 0.3.19 (ND4J 1.0.0-M2.1)");
    int n = 67;
    float[] a = random(n * n, 3);
    float[] b = random(n * n, 4);
    try (GemmProvider.Kernel kernel = provider.create(n, a, b, 2)) {
      kernel.multiply();
      assertMatchesReference(n, n, n, a, b, kernel.product());
    }
  }

  @Test
  void refusesAThreadCountOtherThanTheEnvironments() {
    // surefire runs this JVM with OMP_NUM_THREADS=2, which OpenBLAS read when it loaded
    float[] a = random(4, 5);
    assertThatThrownBy(() -> Nd4jGemmProvider.create(2, 2, 2, a, a, 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OMP_NUM_THREADS=3");
  }

  static float[] random(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }

  static void assertMatchesReference(int m, int k, int n, float[] a, float[] b, float[] c) {
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
            .isCloseTo(exact, org.assertj.core.data.Offset.offset(tolerance));
      }
    }
  }
}
