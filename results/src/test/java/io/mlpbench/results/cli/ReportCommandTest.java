package io.mlpbench.results.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
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

  private static Path fixture(String name) throws Exception {
    return Path.of(ReportCommandTest.class.getResource("/fixtures/" + name).toURI());
  }
}
