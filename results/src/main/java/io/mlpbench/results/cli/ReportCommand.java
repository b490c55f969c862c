package io.mlpbench.results.cli;

import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.results.compare.ReportSection;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.report.JmhResults;
import io.mlpbench.results.report.ReportModel;
import io.mlpbench.results.report.ReportWriter;
import io.mlpbench.results.report.Table;
import io.mlpbench.results.store.RunStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Re-renders a report from a saved run record and the newest (or a given) JMH results. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write report.md, results.csv, results.json and report.html from a run record "
            + "(default <out>/results.json) and the newest results/jmh/jmh-*.json (throughput "
            + "marked n/a when none).")
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Report directory (default <checkout>/results/latest).")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description = "Run record to report (default <out>/results.json).")
  Path from;

  @Option(
      names = "--jmh",
      paramLabel = "FILE",
      description = "JMH results JSON to use (default the newest results/jmh/jmh-*.json).")
  Path jmh;

  @Mixin HistoryOptions history = new HistoryOptions();

  @Override
  public Integer call() throws IOException {
    history.checkStore();
    Path root = RouteModules.projectRoot();
    Path dir = out != null ? out.toAbsolutePath() : root.resolve("results/latest");
    Path source = from != null ? from : dir.resolve("results.json");
    if (!Files.isRegularFile(source)) {
      throw CommandFailure.data(
          "no run record at "
              + source
              + "; run `mlp-bench accuracy` first or pass --from <results.json>");
    }
    if (jmh != null && !Files.isRegularFile(jmh)) {
      throw CommandFailure.data("--jmh file " + jmh + " does not exist");
    }
    // the history's checks: empty, truncated, corrupt or unknown-schema records are refused
    RunRecord record = FileRunStore.readRecord(source);
    try (RecordingStore store = RecordingStore.open(history)) {
      // an unreachable store costs the regression check (noted in the report), not the report
      write(root, dir, record, jmh, store.selected(), System.out);
      store
          .failure()
          .ifPresent(
              f -> {
                throw new CommandFailure(
                    ExitCode.INFRASTRUCTURE, "report written without the regression check: " + f);
              });
    }
    return 0;
  }

  /**
   * Writes the report for {@code record} into {@code dir}, checked against the file history of
   * {@code root}; {@code jmhFile} null = newest.
   */
  static ReportModel write(Path root, Path dir, RunRecord record, Path jmhFile, PrintStream out)
      throws IOException {
    return write(root, dir, record, jmhFile, new FileRunStore(root.resolve("results")), out);
  }

  /**
   * Writes the report for {@code record} into {@code dir}, with the regression check against {@code
   * store} (null: not run, with a note); {@code jmhFile} null = newest.
   */
  static ReportModel write(
      Path root, Path dir, RunRecord record, Path jmhFile, RunStore store, PrintStream out)
      throws IOException {
    Optional<Path> file =
        jmhFile != null ? Optional.of(jmhFile) : JmhResults.newest(root.resolve("results/jmh"));
    JmhResults jmh = null;
    if (file.isPresent()) {
      try {
        jmh = JmhResults.read(file.get());
      } catch (IOException e) {
        out.println("report: ignoring unreadable JMH results: " + e.getMessage());
      }
    }
    if (jmh != null && !record.accuracy().isEmpty() && !record.throughput().isEmpty()) {
      // re-rendering a saved report: tables, results.json and the regression check all use the
      // chosen JMH file, never a mix of it and the throughput embedded earlier
      record = accuracyOnly(record);
    }
    // the regression check against the history's baseline and recent runs (compare's rules)
    List<Table> regression = ReportSection.tables(store, ReportWriter.withThroughput(record, jmh));
    ReportModel model = ReportWriter.write(dir, record, jmh, regression);
    out.println(
        "report: wrote "
            + ReportWriter.FILES
            + " to "
            + dir
            + (jmh == null
                ? " (no JMH results: throughput n/a)"
                : " (throughput from " + jmh.source().getFileName() + ")"));
    return model;
  }

  static RunRecord accuracyOnly(RunRecord r) {
    return new RunRecord(
        r.schemaVersion(),
        r.runId(),
        r.startedAt(),
        r.finishedAt(),
        "accuracy",
        r.note(),
        r.environment(),
        r.settings(),
        r.accuracy(),
        List.of());
  }
}
