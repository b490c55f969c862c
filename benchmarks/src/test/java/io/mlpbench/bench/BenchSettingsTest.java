package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.core.Activation;
import io.mlpbench.core.RunSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSettingsTest {
  @TempDir Path root;

  private Properties props(String... pairs) {
    Properties p = new Properties();
    p.setProperty("mlpbench.root", root.toString());
    for (int i = 0; i < pairs.length; i += 2) {
      p.setProperty(pairs[i], pairs[i + 1]);
    }
    return p;
  }

  @Test
  void quickIsTheDefaultWithBatch128OnAllCores() {
    BenchSettings s = BenchSettings.from(props(), 2);
    assertThat(s.profile().name()).isEqualTo("quick");
    assertThat(s.batchSizes()).containsExactly(128);
    assertThat(s.threadCounts()).containsExactly(2);
    assertThat(s.routes()).isEmpty();
    assertThat(s.benchmarks()).containsExactly("train", "inference");
    assertThat(s.outputDir()).isEqualTo(root.resolve("results").resolve("jmh"));
  }

  @Test
  void fullAddsOneThreadAndAllBatchSizes() {
    BenchSettings s = BenchSettings.from(props("bench.profile", "full"), 4);
    assertThat(s.threadCounts()).containsExactly(4, 1);
    assertThat(s.batchSizes()).containsExactly(32, 128, 512);
    // On one core there is no scaling to report.
    assertThat(BenchSettings.from(props("bench.profile", "full"), 1).threadCounts())
        .containsExactly(1);
  }

  @Test
  void blankMavenPassThroughsMeanProfileDefaults() {
    // The pom passes every property, empty when the user set none.
    BenchSettings s =
        BenchSettings.from(
            props("bench.routes", "", "bench.threads", "", "bench.batches", " ", "bench.out", ""),
            2);
    assertThat(s.routes()).isEmpty();
    assertThat(s.threadCounts()).containsExactly(2);
    assertThat(s.batchSizes()).containsExactly(128);
  }

  @Test
  void explicitSelectionsOverrideTheProfile() {
    BenchSettings s =
        BenchSettings.from(
            props("bench.routes", "manual, tf-tape", "bench.threads", "1,2", "bench.batches", "64"),
            2);
    assertThat(s.routes()).containsExactly("manual", "tf-tape");
    assertThat(s.threadCounts()).isEqualTo(List.of(1, 2));
    assertThat(s.batchSizes()).containsExactly(64);
  }

  @Test
  void aRunSpecSetsModelThreadsBatchesAndForksOnce() {
    RunSpec spec =
        RunSpec.defaults()
            .withModel(new RunSpec.Model("mnist", List.of(256, 128), Activation.TANH))
            .withSweep(new RunSpec.Sweep(List.of(32, 512), List.of(1), List.of(42L), 4, null));
    BenchSettings s = BenchSettings.from(props("bench.spec", spec.toJson()), 2);
    assertThat(s.hidden()).isEqualTo("256-128");
    assertThat(s.activation()).isEqualTo("tanh");
    assertThat(s.threadCounts()).containsExactly(1);
    assertThat(s.batchSizes()).containsExactly(32, 512);
    assertThat(s.profile().forks()).isEqualTo(4);
    // an empty sweep keeps the profile's own threads and batch sizes
    BenchSettings defaults =
        BenchSettings.from(
            props(
                "bench.spec",
                RunSpec.defaults()
                    .withSweep(new RunSpec.Sweep(List.of(), List.of(), List.of(42L), null, null))
                    .toJson()),
            2);
    assertThat(defaults.threadCounts()).containsExactly(2);
    assertThat(defaults.batchSizes()).containsExactly(128);
  }

  @Test
  void aRunSpecAndTheKeyItSetsAreNotBothAccepted() {
    assertThatThrownBy(
            () ->
                BenchSettings.from(
                    props("bench.spec", RunSpec.defaults().toJson(), "bench.threads", "1"), 2))
        .hasMessageContaining("bench.spec and bench.threads both given");
    assertThatThrownBy(() -> BenchSettings.from(props("bench.spec", "{\"model\": 3}"), 2))
        .hasMessageStartingWith("bench.spec: ");
  }

  @Test
  void badValuesNameThePropertyAndTheValue() {
    assertThatThrownBy(() -> BenchSettings.from(props("bench.profile", "fast"), 2))
        .hasMessageContaining("bench.profile 'fast'")
        .hasMessageContaining("smoke, quick, full");
    assertThatThrownBy(() -> BenchSettings.from(props("bench.threads", "two"), 2))
        .hasMessageContaining("bench.threads")
        .hasMessageContaining("'two'");
    assertThatThrownBy(() -> BenchSettings.from(props("bench.benchmarks", "training"), 2))
        .hasMessageContaining("'training'");
    // checked once here by core's parser, not in every JMH fork
    assertThatThrownBy(() -> BenchSettings.from(props("bench.hidden", "512-x"), 2))
        .hasMessageContaining("bench.hidden")
        .hasMessageContaining("'512-x'");
  }

  @Test
  void hiddenSizesReachJmhInTheDashFormWhicheverSeparatorWasGiven() {
    // a comma would split JMH's -p values
    assertThat(BenchSettings.from(props("bench.hidden", "256,128"), 2).hidden())
        .isEqualTo("256-128");
    assertThat(BenchSettings.from(props("bench.hidden", "256-128"), 2).hidden())
        .isEqualTo("256-128");
    assertThat(BenchSettings.from(props(), 2).hidden()).isNull();
  }
}
