package io.mlpbench.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.core.GemmProvider;
import io.mlpbench.core.GemmProviderContractTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class Nd4jGemmProviderTest extends GemmProviderContractTest {
  @Override
  protected GemmProvider provider() {
    return new Nd4jGemmProvider();
  }

  /** Surefire runs this JVM with OMP_NUM_THREADS=2, which OpenBLAS read when it loaded. */
  @Override
  protected List<Integer> threadCounts() {
    return List.of(2);
  }

  @Test
  void refusesAThreadCountOtherThanTheEnvironments() {
    float[] a = new float[4];
    assertThatThrownBy(() -> provider().create(2, a, a, 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OMP_NUM_THREADS=3");
  }

  @Test
  void namesOpenBlasWithoutThePresetsVersionSuffix() {
    assertThat(provider().library()).isEqualTo("OpenBLAS 0.3.19 (ND4J 1.0.0-M2.1)");
  }
}
