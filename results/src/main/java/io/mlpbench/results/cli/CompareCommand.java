package io.mlpbench.results.cli;

import io.mlpbench.results.compare.Comparability;
import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.CompareReport;
import io.mlpbench.results.compare.Comparer;
import io.mlpbench.results.compare.HistoryChart;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Compares the newest run with the baseline and with the recent runs on this machine. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the newest run in the history with the baseline and with the recent runs on the same"
          + " machine (same CPU model and thread count).",
      "Throughput: a regression needs a slowdown beyond --threshold AND a Mann-Whitney U test on the"
          + " raw JMH samples significant at --alpha. Accuracy: a drop of the mean over seeds beyond"
          + " max(0.5 pp, 3 x sd over seeds).",
      "Writes compare.md and history-<route>.png to --out.",
      "A corrupt or unreadable baseline is reported and the newest run is still compared with"
          + " the recent history."
    })
final class CompareCommand implements Callable<Integer> {
  @Mixin HistoryOptions history = new HistoryOptions();

  @Option(
      names = "--baseline",
      paramLabel = "<file|runId>",
      description =
          "Reference run: a run record file or a run id in the history; default the promoted baseline.")
  String baseline;

  @Option(
      names = "--threshold",
      paramLabel = "<percent>",
      description =
          "Smallest throughput change (in %%) called a regression or improvement; default ${DEFAULT-VALUE}.")
  double threshold = CompareOptions.DEFAULT_THRESHOLD_PERCENT;

  @Option(
      names = "--alpha",
      description = "Significance level of the Mann-Whitney U test; default ${DEFAULT-VALUE}.")
  double alpha = CompareOptions.DEFAULT_ALPHA;

  @Option(
      names = "--recent",
      paramLabel = "<runs>",
      description =
          "How many earlier same-machine runs form the recent-history reference; default ${DEFAULT-VALUE}.")
  int recent = CompareOptions.defaults().recentRuns();

  @Option(
      names = "--fail-on-regression",
      description = "Exit with status 1 when any regression is found (CI).")
  boolean failOnRegression;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      description = "Where compare.md and the history charts go; default <results>/latest.")
  Path out;

  @Override
  public Integer call() {
    // options first: a bad value must not wait for (or depend on) a database
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw CommandFailure.usage("--threshold must be a percentage >= 0, found " + threshold);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw CommandFailure.usage("--alpha must be a probability in (0, 1), found " + alpha);
    }
    if (recent < 0) {
      throw CommandFailure.usage(
          "--recent must be 0 or a positive number of runs, found " + recent);
    }
    CompareOptions options =
        CompareOptions.defaults().withThreshold(threshold).withAlpha(alpha).withRecentRuns(recent);
    history.requireHistoryDir();
    try (RunStore store = history.store()) {
      return compare(new TolerantBaseline(store), options);
    }
  }

  private int compare(TolerantBaseline store, CompareOptions options) {
    CompareReport report;
    try {
      report =
          new Comparer(options)
              .latest(store, baseline == null ? null : resolveBaseline(store, baseline));
    } catch (IllegalStateException e) {
      throw CommandFailure.data(e.getMessage()); // no readable runs: nothing to compare
    }
    store
        .baselineProblem()
        .ifPresent(
            p ->
                System.err.println(
                    "compare: baseline unreadable, compared with the recent history only: " + p));
    System.out.print(report.console());
    Path dir = out != null ? out : history.resultsDir().resolve("latest");
    try {
      Files.createDirectories(dir);
      Path md = dir.resolve("compare.md");
      Files.writeString(md, report.markdown());
      List<RunRecord> all = store.list(RunQuery.ALL).runs();
      RunRecord newest = all.get(all.size() - 1);
      List<RunRecord> sameMachine =
          all.stream()
              .filter(
                  r ->
                      Comparability.environmentMismatch(r.environment(), newest.environment())
                          == null)
              .toList();
      List<Path> charts = HistoryChart.write(sameMachine, dir);
      System.out.println("wrote " + md + " and " + charts.size() + " history chart(s) in " + dir);
    } catch (IOException | UncheckedIOException e) {
      throw new CommandFailure(
          ExitCode.INFRASTRUCTURE,
          "cannot write the comparison to " + dir + ": " + e.getMessage(),
          e);
    }
    return failOnRegression && report.hasRegression() ? 1 : 0;
  }

  /** A path to a record file, else a run id in the store. */
  private RunRecord resolveBaseline(RunStore store, String value) {
    Path file = Path.of(value);
    if (value.endsWith(".json") || Files.isRegularFile(file)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("--baseline " + value + ": no such file");
      }
      return history.fileStore().readRecordFile(file);
    }
    return store
        .find(value)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--baseline "
                        + value
                        + ": neither a file nor a run id in "
                        + store.describe()));
  }
}
