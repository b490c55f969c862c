package io.mlpbench.manual;

import static io.mlpbench.core.GemmReference.assertMatchesReference;
import static io.mlpbench.core.GemmReference.random;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.GemmProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The Vector API GEMM provider computes C = A B. */
class ManualGemmProviderTest {

  @Test
  void productOfOddSizedMatricesMatchesDoubleReference() {
    int m = 67;
    int k = 45;
    int n = 83;
    float[] a = random(m * k, 1);
    float[] b = random(k * n, 2);
    try (GemmProvider.Kernel kernel = ManualGemmProvider.create(m, k, n, a, b, 2)) {
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
            .filter(p -> p instanceof ManualGemmProvider)
            .findFirst()
            .orElseThrow();
    assertThat(provider.library())
        .isEqualTo("manual-backprop Vector API GEMM (Java " + Runtime.version().feature() + ")");
    int n = 67;
    float[] a = random(n * n, 3);
    float[] b = random(n * n, 4);
    try (GemmProvider.Kernel kernel = provider.create(n, a, b, 2)) {
      kernel.multiply();
      assertMatchesReference(n, n, n, a, b, kernel.product());
    }
  }

  @Test
  void anyThreadCountGivesTheSameBits() {
    // each element is one FMA chain over p computed by one thread, so the split cannot change it
    float[] a = random(67 * 45, 5);
    float[] b = random(45 * 83, 6);
    float[][] products = new float[3][];
    for (int threads = 1; threads <= 3; threads++) {
      try (GemmProvider.Kernel kernel = ManualGemmProvider.create(67, 45, 83, a, b, threads)) {
        kernel.multiply();
        products[threads - 1] = kernel.product();
      }
    }
    assertThat(products[1]).containsExactly(products[0]);
    assertThat(products[2]).containsExactly(products[0]);
  }
}
