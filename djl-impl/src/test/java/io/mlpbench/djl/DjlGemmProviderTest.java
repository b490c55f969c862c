package io.mlpbench.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.core.GemmProvider;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DjlGemmProviderTest {

  @Test
  void isRegisteredAsAServiceAndNamesPyTorchWithoutLoadingIt() {
    assertThat(ServiceLoader.load(GemmProvider.class).stream().map(p -> p.type().getName()))
        .contains(DjlGemmProvider.class.getName());
    assertThat(new DjlGemmProvider().library()).startsWith("PyTorch ").contains("DJL ");
  }

  @Test
  void productMatchesADoubleReference() {
    int m = 7;
    int k = 33;
    int n = 5;
    SplittableRandom random = new SplittableRandom(3);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (random.nextDouble() * 2 - 1);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) (random.nextDouble() * 2 - 1);
    }
    try (GemmProvider.Kernel kernel = DjlGemmProvider.create(m, k, n, a, b, 2)) {
      float first = kernel.multiply();
      float[] c = kernel.product();
      assertThat(c).hasSize(m * n);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double exact = 0;
          for (int p = 0; p < k; p++) {
            exact += (double) a[i * k + p] * b[p * n + j];
          }
          // float accumulation of 33 products of magnitude <= 1: error well under 1e-5
          assertThat((double) c[i * n + j]).as("C[%d][%d]", i, j).isCloseTo(exact, within(1e-5));
        }
      }
      assertThat(first).isEqualTo(c[0]);
      assertThat(kernel.multiply()).as("a second call gives the same C[0][0]").isEqualTo(first);
    }
  }
}
