package io.mlpbench.results.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.report.ReportModel;
import io.mlpbench.results.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void reRenderingUsesOnlyTheChosenJmhFile() throws Exception {
    RunRecord saved = ReportWriter.readRecord(fixture("run-record.json"));
    ThroughputResult stale =
        new ThroughputResult(
            "manual", "train", 128, 2, 1.0, 0.1, "samples/s", List.of(1.0), 0.0, null, "ok", null);
    RunRecord withStale =
        new RunRecord(
            saved.schemaVersion(),
            saved.runId(),
            saved.startedAt(),
            saved.finishedAt(),
            "both",
            null,
            saved.environment(),
            saved.settings(),
            saved.accuracy(),
            List.of(stale));
    Path jmh = fixture("jmh/jmh-20261128-100000-full.json");
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    ReportCommand.write(dir, dir.resolve("latest"), withStale, jmh, out);

    RunRecord written = ReportWriter.readRecord(dir.resolve("latest/results.json"));
    // the fixture JMH file's manual training score, not the stale 1.0 embedded before
    assertThat(written.throughput())
        .extracting(ThroughputResult::score)
        .contains(12345.6)
        .doesNotContain(1.0);
    assertThat(Files.readString(dir.resolve("latest/report.md"))).contains("12,346 ± 235");
  }

  /** The fixture record with one embedded manual training result of 777 ± 7 samples/s. */
  private static RunRecord withEmbedded(String runId) throws Exception {
    RunRecord saved = ReportWriter.readRecord(fixture("run-record.json"));
    ThroughputResult own =
        new ThroughputResult(
            "manual",
            "train",
            128,
            2,
            777.0,
            7.0,
            "samples/s",
            List.of(770.0, 777.0, 784.0, 776.0, 778.0),
            null,
            null,
            "ok",
            null);
    return new RunRecord(
        saved.schemaVersion(),
        runId,
        saved.startedAt(),
        saved.finishedAt(),
        "both",
        null,
        saved.environment(),
        saved.settings(),
        saved.accuracy(),
        List.of(own));
  }

  private PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Test
  void fromReportsOnlyThatRecordNothingFromResultsJmh() throws Exception {
    // a newer JMH file lies in the checkout (manual 12,345.6 samples/s): it must not leak in
    Path jmhDir = Files.createDirectories(dir.resolve("results/jmh"));
    copyJmhFixture(jmhDir);
    RunRecord record = withEmbedded("from-record");
    // the baseline is the same measurement: compare's rules must see no change, as compare would
    Files.writeString(
        dir.resolve("results/baseline.json"),
        io.mlpbench.results.model.RunRecordJson.mapper()
            .writeValueAsString(withEmbedded("baseline-run")));

    ReportCommand.write(dir, dir.resolve("latest"), record, null, true, quiet());

    RunRecord written = ReportWriter.readRecord(dir.resolve("latest/results.json"));
    assertThat(written.throughput()).isEqualTo(record.throughput());
    String md = Files.readString(dir.resolve("latest/report.md"));
    assertThat(md).contains("| 777 ± 7 |").doesNotContain("12,346").doesNotContain("12346");
    assertThat(md).contains("Regression check: against the baseline", "| 777 | 777 |");
    assertThat(md.toLowerCase(java.util.Locale.ROOT)).doesNotContain("| regression");
    assertThat(Files.readString(dir.resolve("latest/report.html"))).doesNotContain("12,346");
    assertThat(Files.readString(dir.resolve("latest/benchmark-action.json")))
        .contains("\"value\" : 777.0")
        .doesNotContain("12345");
  }

  @Test
  void onAFreshCloneWithoutResultsJmhTheTableShowsTheRecordsOwnNumbers() throws Exception {
    ReportCommand.write(dir, dir.resolve("latest"), withEmbedded("fresh"), null, true, quiet());
    String md = Files.readString(dir.resolve("latest/report.md"));
    assertThat(md).contains("| 777 ± 7 |").doesNotContain(ReportModel.NO_JMH);
  }

  @Test
  void fromAnAccuracyOnlyRecordNeverBorrowsTheNewestJmhFile() throws Exception {
    Path jmhDir = Files.createDirectories(dir.resolve("results/jmh"));
    copyJmhFixture(jmhDir);
    RunRecord accuracyOnly = ReportWriter.readRecord(fixture("run-record.json"));

    ReportCommand.write(dir, dir.resolve("from"), accuracyOnly, null, true, quiet());
    assertThat(Files.readString(dir.resolve("from/report.md")))
        .contains(ReportModel.NO_JMH)
        .doesNotContain("12,346");

    // a fresh accuracy run (not --from) does take the newest timing, as `accuracy` always has
    ReportCommand.write(dir, dir.resolve("fresh"), accuracyOnly, null, false, quiet());
    assertThat(Files.readString(dir.resolve("fresh/report.md"))).contains("12,346 ± 235");
  }

  /** Copies the fixture run (typed results and the JMH JSON beside them) into {@code dir}. */
  private static void copyJmhFixture(Path dir) throws Exception {
    for (String name :
        List.of("jmh-20261128-100000-full.json", "jmh-20261128-100000-full-results.json")) {
      Files.copy(fixture("jmh/" + name), dir.resolve(name));
    }
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(ReportCommandTest.class.getResource("/fixtures/" + name).toURI());
  }
}
