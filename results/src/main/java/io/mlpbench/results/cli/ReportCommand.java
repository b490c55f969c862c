package io.mlpbench.results.cli;

import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.results.compare.ReportSection;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.report.JmhResults;
import io.mlpbench.results.report.ReportModel;
import io.mlpbench.results.report.ReportSections;
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

/**
 * Re-renders a report from a saved run record. The record's own throughput is reported; a JMH file
 * is used only when asked for ({@code --jmh}) or when a record without throughput is reported from
 * the report directory (the accuracy-then-timing workflow). {@code --from} reports exactly that
 * record, nothing mixed in.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Write report.md, results.csv, results.json, report.html and benchmark-action.json from a"
            + " run record (default <out>/results.json). Its own throughput is shown; with --from"
            + " only that record is used; --jmh <file> takes the throughput from a benchmarks run"
            + " instead. A record without throughput read from <out> takes the newest"
            + " results/jmh/jmh-*-results.json.")
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "<dir>",
      description = "Report directory (default <checkout>/results/latest).")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "<file>",
      description =
          "Run record to report (a results.json or a results/history/*.json); only its own"
              + " numbers are shown (default <out>/results.json).")
  Path from;

  @Option(
      names = "--jmh",
      paramLabel = "<file>",
      description =
          "Typed benchmark results (jmh-*-results.json, or the JMH JSON beside them) whose"
              + " throughput replaces the record's.")
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
      write(root, dir, record, jmh, from != null, store.selected(), System.out);
      store
          .failure()
          .ifPresent(
              f -> {
                throw new CommandFailure(
                    ExitCode.INFRASTRUCTURE, "report written without the regression check: " + f);
              });
    }
    return ExitCode.OK.code;
  }

  /**
   * Writes the report of a fresh record (accuracy or run): its throughput, else the newest JMH
   * file's; {@code jmhFile} forces that file. Checked against the file history of {@code root}.
   */
  static ReportModel write(Path root, Path dir, RunRecord record, Path jmhFile, PrintStream out)
      throws IOException {
    return write(root, dir, record, jmhFile, false, out);
  }

  /**
   * As {@link #write(Path, Path, RunRecord, Path, boolean, RunStore, PrintStream)}, file history.
   */
  static ReportModel write(
      Path root, Path dir, RunRecord record, Path jmhFile, boolean recordOnly, PrintStream out)
      throws IOException {
    return write(
        root, dir, record, jmhFile, recordOnly, new FileRunStore(root.resolve("results")), out);
  }

  /** A fresh record's report, with the regression check against {@code store}. */
  static ReportModel write(
      Path root, Path dir, RunRecord record, Path jmhFile, RunStore store, PrintStream out)
      throws IOException {
    return write(root, dir, record, jmhFile, false, store, out);
  }

  /**
   * @param recordOnly never look for a JMH file on its own (report --from): a record without
   *     throughput then reports none
   * @param store the regression check's history (null: not run, with a note)
   */
  static ReportModel write(
      Path root,
      Path dir,
      RunRecord record,
      Path jmhFile,
      boolean recordOnly,
      RunStore store,
      PrintStream out)
      throws IOException {
    Optional<Path> file =
        jmhFile != null
            ? Optional.of(jmhFile)
            : recordOnly || !record.throughput().isEmpty()
                ? Optional.empty()
                : JmhResults.newest(root.resolve("results/jmh"));
    JmhResults jmh = null;
    if (file.isPresent()) {
      try {
        jmh = JmhResults.read(file.get());
      } catch (IOException e) {
        out.println("report: ignoring unreadable JMH results: " + e.getMessage());
      }
    }
    // tables, results.json and the regression check all see this one record
    RunRecord shown = ReportWriter.shown(record, jmh);
    List<Table> regression = ReportSection.tables(store, shown);
    ReportModel model =
        ReportWriter.write(dir, record, jmh, regression, ReportSections.of(root, store, shown));
    out.println(
        "report: wrote "
            + ReportWriter.FILES
            + " to "
            + dir
            + (jmh != null
                ? " (throughput from " + jmh.source().getFileName() + ")"
                : shown.throughput().isEmpty()
                    ? " (no throughput in this record: n/a)"
                    : " (throughput as recorded in the run record)"));
    return model;
  }
}
