package io.mlpbench.results.report;

import static io.mlpbench.results.report.ReportFixtures.env;
import static io.mlpbench.results.report.ReportFixtures.run;
import static io.mlpbench.results.report.ReportFixtures.seed;
import static io.mlpbench.results.report.ReportFixtures.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline table, sorted by training speed with the runner's rank rule, and the CI export. Four
 * routes: dl4j-fit 100 ± 5 and dl4j-loop 98 ± 5 (overlapping intervals: tied), manual 50 ± 2 (both
 * intervals entirely above it: rank 3) and tf-tape, never timed.
 */
class HeadlineTest {
  @TempDir Path dir;

  static RunRecord fourRoutes() {
    List<AccuracyResult> acc = new ArrayList<>();
    double[] fit = {0.975, 0.976, 0.977};
    for (int i = 0; i < 3; i++) {
      acc.add(seed("dl4j-fit", "DL4J", 42 + i, fit[i]));
      acc.add(seed("dl4j-loop", "DL4J", 42 + i, 0.970));
      acc.add(seed("manual", "plain Java", 42 + i, 0.972));
    }
    acc.add(seed("tf-tape", "TensorFlow Java", 42, 0.968));
    return run(
        "headline",
        0,
        env("CPU", "abc1234", List.of()),
        acc,
        List.of(
            train("manual", 50, 2.0, 49, 50, 51),
            train("dl4j-loop", 98, 5.0, 97, 98, 99),
            train("dl4j-fit", 100, 5.0, 99, 100, 101)));
  }

  @Test
  void routesAreRankedFastestFirstWithTiesAndRatioToFastest() throws Exception {
    ReportWriter.write(dir, fourRoutes(), null, List.of());
    String results =
        ReportWriterTest.section(Files.readString(dir.resolve("report.md")), "Results");
    List<String> rows =
        results.lines().filter(l -> l.matches("\\| [0-9?=-]+ \\| [a-z][a-z0-9-]* \\|.*")).toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).startsWith("| 1= | dl4j-fit |").contains("| 100 ± 5 |", "| 1.00x |");
    assertThat(rows.get(1)).startsWith("| 1= | dl4j-loop |").contains("| 98 ± 5 |", "| 0.98x |");
    // 95 > 52 and 93 > 52: two routes measurably faster
    assertThat(rows.get(2)).startsWith("| 3 | manual |").contains("| 50 ± 2 |", "| 0.50x |");
    assertThat(rows.get(3)).startsWith("| - | tf-tape |").contains(ReportModel.NOT_IN_JMH, "| - |");
    // 0.975, 0.976, 0.977: mean 0.976, sd 0.001, half-width t(0.975, 2) 4.3027 x 0.001 / sqrt(3)
    // = 0.0024841
    assertThat(rows.get(0)).contains("| 0.9760 [0.9735, 0.9785] n=3 |");
    assertThat(rows.get(3)).contains("| 0.9680 (1 seed: no interval) |");
    assertThat(rows.get(0)).contains("| 512 |"); // peak RSS 512 MiB
  }

  @Test
  void noRankIsClaimedWhenAScoreHasNoErrorEstimate() {
    RunRecord r = fourRoutes();
    RunRecord noError =
        ReportWriter.withThroughput(
            r,
            List.of(
                train("manual", 50, null, 50),
                train("dl4j-loop", 98, 5.0, 97, 98, 99),
                train("dl4j-fit", 100, 5.0, 99, 100, 101)));
    List<SpeedRanking.Place> places = new ReportModel(noError, null).ranking();
    assertThat(places)
        .extracting(p -> p.route().route())
        .containsExactly("dl4j-fit", "dl4j-loop", "manual", "tf-tape");
    assertThat(places).extracting(SpeedRanking.Place::rank).containsOnlyNulls();
    assertThat(places.get(2).ratioToFastest()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void benchmarkActionExportCarriesSamplesPerSecondWithRange() throws Exception {
    ReportWriter.write(dir, fourRoutes(), null, List.of());
    JsonNode json = new ObjectMapper().readTree(dir.resolve(BenchmarkActionExport.FILE).toFile());
    assertThat(json.isArray()).isTrue();
    JsonNode first = json.get(0);
    assertThat(first.get("name").asText())
        .isEqualTo("dl4j-fit train samples/s (batch 128, 2 threads)");
    assertThat(first.get("unit").asText()).isEqualTo("samples/s");
    assertThat(first.get("value").asDouble()).isEqualTo(100.0);
    assertThat(first.get("range").asText()).isEqualTo("± 5.0");
    assertThat(first.get("extra").asText()).contains("JMH 99.9% error", "3 samples", "rank 1=");
    // every entry has the fields github-action-benchmark reads, and a numeric value
    for (JsonNode e : json) {
      assertThat(e.hasNonNull("name") && e.hasNonNull("unit") && e.get("value").isNumber())
          .isTrue();
    }
    // three timed routes, four accuracy entries
    assertThat(json).hasSize(7);
    assertThat(json.get(3).get("name").asText()).isEqualTo("dl4j-fit test accuracy");
    assertThat(json.get(3).get("range").asText()).isEqualTo("± 0.0025");
  }
}
