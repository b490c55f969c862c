package io.mlpbench.tf;

import static io.mlpbench.core.GemmReference.assertMatchesReference;
import static io.mlpbench.core.GemmReference.random;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.GemmProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The TensorFlow MatMul provider computes C = A B. */
class TfGemmProviderTest {

  @Test
  void productOfOddSizedMatricesMatchesDoubleReference() {
    int m = 67;
    int k = 45;
    int n = 83;
    float[] a = random(m * k, 1);
    float[] b = random(k * n, 2);
    try (GemmProvider.Kernel kernel = TfGemmProvider.create(m, k, n, a, b, 2)) {
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
            .filter(p -> p instanceof TfGemmProvider)
            .findFirst()
            .orElseThrow();
    assertThat(provider.library()).isEqualTo("TensorFlow Java 1.1.0 MatMul");
    int n = 67;
    float[] a = random(n * n, 3);
    float[] b = random(n * n, 4);
    try (GemmProvider.Kernel kernel = provider.create(n, a, b, 2)) {
      kernel.multiply();
      assertMatchesReference(n, n, n, a, b, kernel.product());
    }
  }

  @Test
  void singleThreadedProductIsTheSame() {
    // intra-op threads split the output, not the sums: 1 and 2 threads agree to the reference
    float[] a = random(67 * 45, 5);
    float[] b = random(45 * 83, 6);
    try (GemmProvider.Kernel kernel = TfGemmProvider.create(67, 45, 83, a, b, 1)) {
      kernel.multiply();
      assertMatchesReference(67, 45, 83, a, b, kernel.product());
    }
  }
}
