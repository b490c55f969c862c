package io.mlpbench.results.report;

import static io.mlpbench.results.report.ReportFixtures.env;
import static io.mlpbench.results.report.ReportFixtures.run;
import static io.mlpbench.results.report.ReportFixtures.seed;
import static io.mlpbench.results.report.ReportFixtures.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsTest {
  @TempDir Path dir;

  /** 12 samples around {@code mean}, spread ±1%: tight enough for any rank test to decide. */
  static double[] around(double mean) {
    double[] s = new double[12];
    for (int i = 0; i < s.length; i++) {
      s[i] = mean * (1 + (i - 5.5) / 550);
    }
    return s;
  }

  static RunRecord at(String id, int minutes, String cpu, String commit, double mean) {
    return run(
        id,
        minutes,
        env(cpu, commit, List.of()),
        List.of(seed("manual", "plain Java", 42, 0.97), seed("manual", "plain Java", 43, 0.97)),
        List.of(inForks(train("manual", mean, mean * 0.01, around(mean)))));
  }

  /** The 12 samples as 4 JVM forks of 3 iterations: verdicts need >= 3 forks a side. */
  static ThroughputResult inForks(ThroughputResult t) {
    List<ForkResult> forks = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      forks.add(ForkResult.of(t.rawSamples().subList(3 * f, 3 * f + 3)));
    }
    return new ThroughputResult(
        t.route(),
        t.benchmark(),
        t.batchSize(),
        t.threads(),
        t.score(),
        t.scoreError(),
        t.unit(),
        t.rawSamples(),
        t.gflops(),
        t.percentOfPeak(),
        t.status(),
        t.failure(),
        forks,
        null,
        null,
        null);
  }

  @Test
  void comparableRunsOldestFirstWithTheThirtyPercentDropMarked() throws Exception {
    RunRecord first = at("r1", 0, "CPU", "aaaaaaa111", 1000);
    RunRecord second = at("r2", 10, "CPU", "bbbbbbb222", 1001);
    RunRecord otherMachine = at("r-other", 15, "Other CPU", "ccccccc333", 5000);
    RunRecord now = at("r3", 20, "CPU", "ddddddd444", 700);

    Trends trends = Trends.of(List.of(second, otherMachine, first), now);

    assertThat(trends.runs()).extracting(RunRecord::runId).containsExactly("r1", "r2", "r3");
    HtmlReport.Section section = trends.section();
    Table speed = section.tables().get(0);
    assertThat(speed.headers())
        .containsExactly(
            "route", "aaaaaaa 11-01 10:00", "bbbbbbb 11-01 10:10", "ddddddd 11-01 10:20");
    List<String> manual = speed.rows().get(0);
    assertThat(manual.get(1)).isEqualTo("1,000 ± 10");
    assertThat(manual.get(2)).doesNotContain(Trends.MARK); // +0.1%: no change
    assertThat(manual.get(3)).isEqualTo("700 ± 7 " + Trends.MARK);
    // two identical seeds: the interval has zero width, shown as the mean alone
    assertThat(section.tables().get(1).rows().get(0).get(3)).isEqualTo("0.9700");
    assertThat(section.charts()).hasSize(2);
    assertThat(section.charts()).allSatisfy(c -> assertThat(c.alt()).isNotBlank());
  }

  @Test
  void aSingleRunHasNoTrend() throws Exception {
    assertThat(Trends.of(List.of(), at("only", 0, "CPU", "abc", 1000)).section()).isNull();
  }

  @Test
  void matrixMarkdownTablesBecomeReportTables() throws Exception {
    Path run = Files.createDirectories(dir.resolve("matrix/20261201T000000Z"));
    Files.writeString(
        run.resolve("matrix.md"),
        "# Framework release matrix\n\nintro\n\n## DJL (djl-impl)\n\n"
            + "| route | metric | 0.34.0 | 0.35.0 |\n|---|---|---|---|\n"
            + "| djl-fit | train samples/s | 20,500 | 770 (-96%, regression) |\n\nload note\n");
    HtmlReport.Section s = ReleaseMatrixSection.of(dir).orElseThrow();
    assertThat(s.tables()).hasSize(1);
    Table t = s.tables().get(0);
    assertThat(t.title()).isEqualTo("DJL (djl-impl)");
    assertThat(t.headers()).containsExactly("route", "metric", "0.34.0", "0.35.0");
    assertThat(t.rows())
        .containsExactly(List.of("djl-fit", "train samples/s", "20,500", "770 (-96%, regression)"));
  }

  @Test
  void withoutAMatrixRunTheConfiguredReleasesAreShownAsNotMeasured() throws Exception {
    Files.writeString(
        dir.resolve("matrix.json"),
        "{\"frameworks\":[{\"name\":\"DL4J\",\"module\":\"dl4j-impl\",\"routes\":[\"dl4j-fit\"],"
            + "\"versions\":[{\"label\":\"1.0.0-M2\",\"properties\":{}},"
            + "{\"label\":\"1.0.0-M2.1\",\"properties\":{}}]}]}");
    Table t = ReleaseMatrixSection.of(dir).orElseThrow().tables().get(0);
    assertThat(t.headers()).containsExactly("route", "1.0.0-M2", "1.0.0-M2.1");
    assertThat(t.rows())
        .containsExactly(List.of("dl4j-fit", "not measured yet", "not measured yet"));
  }

  @Test
  void theNewestJdkAxisFollowsTheReleaseTablesAndIsNotTakenForAReleaseRun() throws Exception {
    Path release = Files.createDirectories(dir.resolve("matrix/20261202T1201Z-djl"));
    Files.writeString(
        release.resolve("matrix.md"),
        "## DJL (djl-impl)\n\n| route | 0.34.0 |\n|---|---|\n| djl-fit | 20,500 |\n");
    for (String run : List.of("20261202T2110Z", "20261202T2122Z-8forks")) {
      Path jdk = Files.createDirectories(dir.resolve("matrix/jdk-axis").resolve(run));
      Files.writeString(
          jdk.resolve("matrix.md"),
          "## JDK axis\n\nnote\n\n| route | JDK 25 / 17 |\n|---|---|\n| manual | "
              + (run.endsWith("forks") ? "1.01 [0.97, 1.05]" : "1.04 [0.85, 1.28]")
              + " |\n");
    }
    HtmlReport.Section s = ReleaseMatrixSection.of(dir).orElseThrow();
    assertThat(s.intro()).contains("20261202T1201Z-djl");
    assertThat(s.tables()).extracting(Table::title).containsExactly("DJL (djl-impl)", "JDK axis");
    Table jdk = s.tables().get(1);
    assertThat(jdk.rows()).containsExactly(List.of("manual", "1.01 [0.97, 1.05]"));
    assertThat(jdk.notes())
        .containsExactly("note", "From results/matrix/jdk-axis/20261202T2122Z-8forks/matrix.md.");
  }
}
