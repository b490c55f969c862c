package io.mlpbench.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.core.AdamForm;
import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.Routes;
import io.mlpbench.core.TrainingConfig;
import org.junit.jupiter.api.Test;

class Dl4jRouteTest {
  @Test
  void bothRoutesAreDiscoveredWithTheirStyles() {
    Route fit = Routes.byId("dl4j-fit");
    Route loop = Routes.byId("dl4j-loop");
    assertThat(fit.style()).isEqualTo(ApiStyle.FIT);
    assertThat(loop.style()).isEqualTo(ApiStyle.LOOP);
    assertThat(fit.framework()).isEqualTo("DL4J");
  }

  @Test
  void reportsTheDl4jVersionOnTheClasspath() {
    assertThat(Dl4jRoute.fit().frameworkVersion()).isEqualTo("1.0.0-M2.1");
  }

  @Test
  void rejectsTheTorchAdamFormItCannotCompute() {
    ModelSpec spec = ModelSpec.canonical();
    TrainingConfig torch = TrainingConfig.defaults().withAdamForm(AdamForm.TORCH);
    assertThatThrownBy(() -> Dl4jRoute.loop().create(spec, torch, Parameters.initial(spec, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EPSILON_HAT")
        .hasMessageContaining("TORCH");
  }
}
