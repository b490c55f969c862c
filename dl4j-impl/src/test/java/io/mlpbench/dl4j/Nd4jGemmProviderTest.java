package io.mlpbench.dl4j;

import static io.mlpbench.core.GemmReference.assertMatchesReference;
import static io.mlpbench.core.GemmReference.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.core.GemmProvider;
import java.util.ServiceLoader;
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
}
