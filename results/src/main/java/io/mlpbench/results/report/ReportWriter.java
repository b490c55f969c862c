package io.mlpbench.results.report;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunRecordJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report directory ({@code results/latest/} by default): {@code report.md}, {@code
 * results.csv}, {@code results.json} (the {@link RunRecord}, throughput included) and {@code
 * report.html}. Each file is written to a temp file and renamed, so a reader never sees half a
 * file.
 */
public final class ReportWriter {
  public static final List<String> FILES =
      List.of("report.md", "results.csv", "results.json", "report.html");

  private ReportWriter() {}

  /**
   * The record the report shows: {@code record}, with the JMH results as its throughput if it has
   * none.
   */
  public static RunRecord withThroughput(RunRecord record, JmhResults jmh) {
    return jmh == null || !record.throughput().isEmpty()
        ? record
        : new RunRecord(
            record.schemaVersion(),
            record.runId(),
            record.startedAt(),
            record.finishedAt(),
            record.accuracy().isEmpty() ? "throughput" : "both",
            record.note(),
            record.environment(),
            record.settings(),
            record.accuracy(),
            jmh.results());
  }

  /**
   * @param jmh null when there are no JMH results (throughput columns read "n/a (no JMH results)")
   * @param extra sections added after the failures, e.g. the comparison with the baseline
   */
  public static ReportModel write(Path dir, RunRecord record, JmhResults jmh, List<Table> extra)
      throws IOException {
    Files.createDirectories(dir);
    RunRecord withThroughput = withThroughput(record, jmh);
    ReportModel model = new ReportModel(withThroughput, jmh);
    atomically(
        dir.resolve("results.json"), RunRecordJson.mapper().writeValueAsString(withThroughput));
    atomically(dir.resolve("results.csv"), CsvReport.render(model));
    atomically(dir.resolve("report.md"), MarkdownReport.render(model, extra));
    List<HtmlReport.Chart> charts = new ArrayList<>();
    charts.add(
        new HtmlReport.Chart(
            "Training loss per epoch", Charts.lossCurves(withThroughput.accuracy())));
    charts.add(
        new HtmlReport.Chart(
            "Test accuracy per epoch", Charts.accuracyCurves(withThroughput.accuracy())));
    byte[] bars = Charts.throughputBars(model.summaries());
    if (bars != null) {
      charts.add(new HtmlReport.Chart("Training throughput (JMH, error bars)", bars));
    }
    atomically(dir.resolve("report.html"), HtmlReport.render(model, extra, charts));
    return model;
  }

  /** Reads the run record a previous report wrote. */
  public static RunRecord readRecord(Path resultsJson) throws IOException {
    try {
      return RunRecordJson.mapper().readValue(resultsJson.toFile(), RunRecord.class);
    } catch (IOException e) {
      throw new IOException("cannot read run record " + resultsJson + ": " + e.getMessage(), e);
    }
  }

  static void atomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
