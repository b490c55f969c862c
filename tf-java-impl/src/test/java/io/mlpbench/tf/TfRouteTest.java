package io.mlpbench.tf;

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

class TfRouteTest {
  @Test
  void bothRoutesAreDiscoveredWithTheirStyleAndVersion() {
    Route tape = Routes.byId("tf-tape");
    Route minimize = Routes.byId("tf-minimize");
    assertThat(tape.style()).isEqualTo(ApiStyle.LOOP);
    assertThat(minimize.style()).isEqualTo(ApiStyle.FIT);
    // The version comes from tensorflow-core-api's Maven metadata, pinned to 1.1.0 in the parent
    // pom.
    assertThat(tape.frameworkVersion()).isEqualTo("1.1.0");
    assertThat(tape.launchRequirements(TrainingConfig.defaults()).environment())
        .containsEntry("TF_CPP_MIN_LOG_LEVEL", "2");
  }

  @Test
  void sessionThreadsComeFromTheConfig() {
    var proto = TfTrainer.sessionConfig(3);
    assertThat(proto.getIntraOpParallelismThreads()).isEqualTo(3);
    assertThat(proto.getInterOpParallelismThreads()).isEqualTo(3);
  }

  @Test
  void rejectsTheTorchAdamFormItCannotMatch() {
    ModelSpec spec = ModelSpec.of(784, new int[] {8}, 10, io.mlpbench.core.Activation.RELU);
    TrainingConfig torch = TrainingConfig.defaults().withAdamForm(AdamForm.TORCH);
    assertThatThrownBy(
            () -> Routes.byId("tf-tape").create(spec, torch, Parameters.initial(spec, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EPSILON_HAT")
        .hasMessageContaining("TORCH");
  }
}
