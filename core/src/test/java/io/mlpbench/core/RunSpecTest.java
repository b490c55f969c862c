package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run description: one serialization that round-trips, canonical defaults, named errors. */
class RunSpecTest {

  @Test
  void defaultsAreTheCanonicalJob() {
    RunSpec d = RunSpec.defaults();
    assertThat(d.model().dataset()).isEqualTo("mnist");
    assertThat(d.model().spec(784, 10).layerSizes()).containsExactly(784, 512, 512, 10);
    assertThat(d.model().activation()).isEqualTo(Activation.RELU);
    TrainingConfig t = d.training();
    assertThat(t.optimizer()).isEqualTo(OptimizerKind.ADAM);
    assertThat(t.learningRate()).isEqualTo(1e-3);
    assertThat(t.beta1()).isEqualTo(0.9);
    assertThat(t.beta2()).isEqualTo(0.999);
    assertThat(t.epsilon()).isEqualTo(1e-7);
    assertThat(t.batchSize()).isEqualTo(128);
    assertThat(t.epochs()).isEqualTo(5);
    assertThat(t.seed()).isEqualTo(42L);
    assertThat(t.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(d.data()).isEqualTo(new RunSpec.Data(0, 0, null));
    assertThat(d.sweep().seeds()).containsExactly(42L);
    assertThat(d.sweep().jvm()).isNull();
  }

  @Test
  void jsonRoundTripsEveryField() {
    RunSpec d = RunSpec.defaults();
    RunSpec spec =
        new RunSpec(
            new RunSpec.Model("fashion", List.of(64, 32), Activation.TANH),
            d.training().withOptimizer(OptimizerKind.SGD, 0.05).withBatchSize(32).withThreads(1),
            new RunSpec.Data(3000, 500, Path.of("/data/mnist")),
            new RunSpec.Sweep(
                List.of(32, 512), List.of(1, 2), List.of(42L, 43L), 3, Path.of("/usr/lib/jvm/x")));
    String json = spec.toJson();
    assertThat(RunSpec.fromJson(json)).isEqualTo(spec);
    // readable by a person: enums by id, paths as written
    assertThat(json).contains("\"activation\":\"tanh\"").contains("\"jvm\":\"/usr/lib/jvm/x\"");
    assertThat(RunSpec.fromJson(d.toJson())).isEqualTo(d);
  }

  @Test
  void badValuesNameTheFieldWhatWasExpectedAndWhatWasFound() {
    String json = RunSpec.defaults().toJson();
    assertThatThrownBy(
            () -> RunSpec.fromJson(json.replace("\"batchSize\":128", "\"batchSize\":\"x\"")))
        .hasMessageContaining("training.batchSize")
        .hasMessageContaining("int")
        .hasMessageContaining("\"x\"");
    assertThatThrownBy(() -> RunSpec.fromJson(json.replace("\"batchSize\":128", "\"batchSize\":0")))
        .hasMessageContaining("training")
        .hasMessageContaining("batch size must be positive, got 0");
    assertThatThrownBy(() -> RunSpec.fromJson(json.replace("\"relu\"", "\"gelu\"")))
        .hasMessageContaining("model.activation")
        .hasMessageContaining("'gelu'")
        .hasMessageContaining("relu, tanh, sigmoid");
    assertThatThrownBy(
            () -> RunSpec.fromJson(json.replace("\"epochs\":5", "\"epochs\":5,\"epoch\":3")))
        .hasMessageContaining("unknown field 'epoch'")
        .hasMessageContaining("epochs");
    assertThatThrownBy(() -> RunSpec.fromJson(json.replace(",\"testLimit\":0", "")))
        .hasMessageContaining("data.testLimit")
        .hasMessageContaining("Missing");
    assertThatThrownBy(() -> RunSpec.fromJson("{\"model\":"))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void hiddenSizesHaveOneParserForCommasAndDashes() {
    assertThat(ModelSpec.parseHidden("512,512")).containsExactly(512, 512);
    assertThat(ModelSpec.parseHidden("256-128")).containsExactly(256, 128);
    assertThat(ModelSpec.parseHidden(" ")).isEmpty();
    assertThat(ModelSpec.hiddenText(new int[] {64, 32}, "-")).isEqualTo("64-32");
    assertThatThrownBy(() -> ModelSpec.parseHidden("512,x"))
        .hasMessageContaining("expected comma-separated")
        .hasMessageContaining("'512,x'");
    assertThatThrownBy(() -> ModelSpec.parseHidden("512,0"))
        .hasMessageContaining("layer sizes must be positive");
  }
}
