package io.mlpbench.results.report;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunRecordJson;
import io.mlpbench.results.model.ThroughputResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a report directory ({@code results/latest/} by default): {@code report.md}, {@code
 * results.csv}, {@code results.json} (the {@link RunRecord}, throughput included), {@code
 * report.html}, {@code benchmark-action.json} (for CI dashboards) and, when the throughput came
 * from a benchmarks run, copies of its typed results ({@code jmh-results.json}) and of JMH's own
 * JSON ({@code jmh.json}, the raw data the HTML links to). Each file is written to a temp file and
 * renamed, so a reader never sees half a file.
 */
public final class ReportWriter {
  public static final List<String> FILES =
      List.of(
          "report.md", "results.csv", "results.json", "report.html", BenchmarkActionExport.FILE);

  /** The JMH JSON the report's throughput came from, copied beside the report. */
  public static final String JMH_COPY = "jmh.json";

  /** The typed results the report's throughput was read from. */
  public static final String TYPED_COPY = "jmh-results.json";

  private ReportWriter() {}

  /** {@code record} with {@code throughput} as its throughput results (kind adjusted). */
  public static RunRecord withThroughput(RunRecord record, List<ThroughputResult> throughput) {
    String kind =
        throughput.isEmpty() ? "accuracy" : record.accuracy().isEmpty() ? "throughput" : "both";
    return new RunRecord(
        record.schemaVersion(),
        record.runId(),
        record.startedAt(),
        record.finishedAt(),
        kind,
        record.note(),
        record.environment(),
        record.settings(),
        record.accuracy(),
        throughput);
  }

  /**
   * The record a report shows: {@code record} as it is, or with {@code jmh}'s results as its
   * throughput when a JMH file was chosen (replacing any it carried, never mixing the two).
   */
  public static RunRecord shown(RunRecord record, JmhResults jmh) {
    return jmh == null ? record : withThroughput(record, jmh.results());
  }

  /**
   * @param jmh the JMH results to report as the throughput, or null to report the record's own
   *     (throughput columns read "n/a (no JMH results)" when it has none)
   * @param extra sections added after the failures, e.g. the comparison with the baseline
   */
  public static ReportModel write(Path dir, RunRecord record, JmhResults jmh, List<Table> extra)
      throws IOException {
    return write(dir, record, jmh, extra, List.of());
  }

  /**
   * @param sections trends and release matrix, shown after the curves
   */
  public static ReportModel write(
      Path dir,
      RunRecord record,
      JmhResults jmh,
      List<Table> extra,
      List<HtmlReport.Section> sections)
      throws IOException {
    Files.createDirectories(dir);
    RunRecord shown = shown(record, jmh);
    ReportModel model =
        new ReportModel(shown, jmh == null ? null : jmh.source().getFileName().toString());
    List<HtmlReport.Link> links = new ArrayList<>();
    links.add(new HtmlReport.Link("results.csv", "one row per route, plain numbers"));
    links.add(
        new HtmlReport.Link(
            "results.json", "the run record: every seed and epoch, raw JMH samples"));
    if (jmhCopy(dir, jmh, shown)) {
      links.add(new HtmlReport.Link(JMH_COPY, "the JMH JSON the throughput came from"));
    }
    links.add(
        new HtmlReport.Link(
            BenchmarkActionExport.FILE, "github-action-benchmark customBiggerIsBetter"));
    atomically(
        dir.resolve("results.json"),
        LocalPaths.scrub(RunRecordJson.mapper().writeValueAsString(shown)));
    atomically(dir.resolve("results.csv"), LocalPaths.scrub(CsvReport.render(model)));
    atomically(dir.resolve("report.md"), MarkdownReport.render(model, extra, sections, links));
    atomically(dir.resolve(BenchmarkActionExport.FILE), BenchmarkActionExport.render(model));
    atomically(
        dir.resolve("report.html"),
        HtmlReport.render(
            model, extra, Charts.headline(model), Charts.curves(model), links, sections));
    return model;
  }

  /**
   * Puts the typed results and JMH JSON the report shows beside it: copies of the chosen run's, or
   * the copies already there when they hold exactly the record's throughput (re-rendering a report
   * in place). Copies from another run are removed, so the link never points at someone else's
   * numbers.
   */
  private static boolean jmhCopy(Path dir, JmhResults jmh, RunRecord shown) throws IOException {
    Path copy = dir.resolve(JMH_COPY);
    Path typed = dir.resolve(TYPED_COPY);
    if (jmh != null) {
      if (!Files.exists(typed) || !Files.isSameFile(jmh.source(), typed)) {
        copyAtomically(jmh.source(), typed);
        if (Files.isRegularFile(jmh.jmhJson())) {
          copyAtomically(jmh.jmhJson(), copy);
        } else {
          Files.deleteIfExists(copy);
        }
      }
      return Files.isRegularFile(copy);
    }
    if (!Files.isRegularFile(typed)) {
      Files.deleteIfExists(copy);
      return false;
    }
    boolean same;
    try {
      same = sameMeasurements(JmhResults.read(typed).results(), shown.throughput());
    } catch (IOException e) {
      same = false;
    }
    if (!same) {
      Files.delete(typed);
      Files.deleteIfExists(copy);
    }
    return same && Files.isRegularFile(copy);
  }

  private static boolean sameMeasurements(List<ThroughputResult> a, List<ThroughputResult> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      ThroughputResult x = a.get(i);
      ThroughputResult y = b.get(i);
      if (!x.route().equals(y.route())
          || !x.benchmark().equals(y.benchmark())
          || x.batchSize() != y.batchSize()
          || x.threads() != y.threads()
          || !Objects.equals(x.score(), y.score())) {
        return false;
      }
    }
    return true;
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

  private static void copyAtomically(Path from, Path to) throws IOException {
    Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
    Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
