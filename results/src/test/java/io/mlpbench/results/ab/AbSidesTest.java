package io.mlpbench.results.ab;

import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.ThroughputVerdict;
import io.mlpbench.results.compare.Verdict;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecordJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How A/B sides are named, and what an A/B result file holds. */
class AbSidesTest {
  @TempDir Path root;

  private AbSides sides() {
    return new AbSides(root, new FileRunStore(root.resolve("results")), 2, 128, line -> {});
  }

  @Test
  void dotAndDirAreMeasuredCheckouts() throws Exception {
    AbSide here = sides().resolve(".", "manual");
    assertThat(here.measured()).isTrue();
    assertThat(here.checkout()).isEqualTo(root);
    Path other = Files.createDirectories(root.resolve("other"));
    AbSide dir = sides().resolve("dir:" + other, "manual-plus10");
    assertThat(dir.checkout()).isEqualTo(other);
    assertThat(dir.route()).isEqualTo("manual-plus10");
    assertThatThrownBy(() -> sides().resolve("dir:" + root.resolve("missing"), "manual"))
        .hasMessageContaining("no such directory");
  }

  @Test
  void aRunIdIsARecordedSideWithItsForks() throws Exception {
    new FileRunStore(root.resolve("results"))
        .append(run("rec", 0, List.of(train("manual", List.of(1.0, 2.0, 3.0))), List.of()));
    AbSide recorded = sides().resolve("rec", "manual");
    assertThat(recorded.measured()).isFalse();
    assertThat(recorded.recorded()).hasSize(3);
    assertThatThrownBy(() -> sides().resolve("rec", "tf-tape"))
        .hasMessageContaining("no successful training result for route tf-tape");
  }

  @Test
  void somethingThatNamesNothingIsRefusedWithTheAcceptedForms() {
    // root is no git repository, so no revision resolves either
    assertThatThrownBy(() -> sides().resolve("no-such-thing", "manual"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not '.', dir:<path>, a run record file, a run id in the history");
  }

  @Test
  void theResultFileKeepsEveryForkAndTheOrder() throws Exception {
    AbSide a = new AbSide("A", root, "manual", List.of(), null);
    AbSide b = new AbSide("B", root, "manual", List.of(), null);
    var forksA = train("manual", List.of(100.0, 101.0, 99.0)).forkResults();
    var forksB = train("manual", List.of(90.0, 91.0, 89.0)).forkResults();
    ThroughputVerdict.Result verdict =
        ThroughputVerdict.compare(forksA, forksB, CompareOptions.defaults());
    AbSession.Outcome outcome =
        new AbSession.Outcome(
            a,
            b,
            forksA,
            forksB,
            List.of("A1", "B1", "A2", "B2", "A3", "B3"),
            List.of(),
            verdict,
            Instant.parse("2026-12-02T05:00:00Z"),
            42);

    Path file = AbReport.write(outcome, root.resolve("out"), "20261202-050000");

    JsonNode json = RunRecordJson.mapper().readTree(file.toFile());
    assertThat(json.path("verdict").path("verdict").asText()).isEqualTo("REGRESSION");
    assertThat(json.path("forksB").size()).isEqualTo(3);
    assertThat(json.path("order").toString())
        .isEqualTo("[\"A1\",\"B1\",\"A2\",\"B2\",\"A3\",\"B3\"]");
    assertThat(verdict.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(AbReport.console(outcome)).contains("B vs A: -10.0% -> regression");
    assertThat(root.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
  }
}
