package io.mlpbench.results.cli;

import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.results.ab.AbSession;
import io.mlpbench.results.ab.AbSides;
import io.mlpbench.results.ab.RegressionConfirmer;
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

/** Compares the newest run with the baseline and with the recent runs of its hardware class. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the newest run in the history with the baseline and with the recent runs of the same"
          + " hardware class (CPU model, cores, ISA flags, JDK, threads).",
      "Throughput: per-fork means (>= 3 JVM forks a side); a regression needs the ratio's"
          + " (1 - alpha) t-interval on log fork means to exclude 1 AND a slowdown beyond"
          + " --threshold; forks measured on a busy machine are left out. Accuracy (>= 3 seeds a"
          + " side): a drop of the mean beyond max(0.5 pp, 3 x sd over seeds) whose interval"
          + " excludes 0.",
      "Every row is a regression, an improvement, no change, or inconclusive with its reason"
          + " (too few forks, machine busy, 1 seed, not comparable).",
      "Writes compare.md and history-<route>.png to --out.",
      "A corrupt or unreadable baseline is reported and the newest run is still compared with"
          + " the recent history.",
      "Exit status with --fail-on-regression: 1 on a regression, 5 when nothing could be compared"
          + " (no row reached a verdict); else 0. 2 on bad options, 3 when there is nothing to"
          + " compare, 4 when the store fails."
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
      description =
          "1 - confidence of the interval on the change (throughput and accuracy); default"
              + " ${DEFAULT-VALUE}.")
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
      names = "--remeasure",
      description =
          "Confirm before reporting: re-measure every throughput regression against the baseline"
              + " in an interleaved A/B session between the two runs' git commits (each built in"
              + " its own worktree; see `ab`); it stays a regression only if confirmed.")
  boolean remeasure;

  @Option(
      names = "--remeasure-forks",
      paramLabel = "<n>",
      description = "Forks per side of each re-measurement; default ${DEFAULT-VALUE}.")
  int remeasureForks = 5;

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
    RunRecord reference;
    try {
      reference = baseline == null ? null : resolveBaseline(store, baseline);
      report = new Comparer(options).latest(store, reference);
      if (remeasure && report.hasRegression()) {
        report = confirm(store, options, report, reference);
      }
    } catch (IllegalStateException e) {
      throw CommandFailure.data(e.getMessage()); // no readable runs: nothing to compare
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage(e.getMessage());
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
    if (failOnRegression && report.hasRegression()) {
      return ExitCode.REGRESSION.code;
    }
    if (failOnRegression && !report.hasVerdict()) {
      return ExitCode.NOTHING_COMPARABLE.code;
    }
    return ExitCode.OK.code;
  }

  /** Re-measures the baseline comparison's throughput regressions (interleaved, see ab). */
  private CompareReport confirm(
      RunStore store, CompareOptions options, CompareReport report, RunRecord reference) {
    RunRecord base = reference != null ? reference : store.baseline().orElse(null);
    List<RunRecord> all = store.list(RunQuery.ALL).runs();
    RunRecord newest = all.get(all.size() - 1);
    Path root = RouteModules.projectRoot();
    int threads = newest.environment() == null ? 1 : newest.environment().threads();
    AbSides sides =
        new AbSides(
            root,
            store, // run ids resolve in the store the comparison read
            threads,
            newest.settings() == null ? 128 : newest.settings().batchSize(),
            System.out::println);
    AbSession.Plan plan = RegressionConfirmer.defaultPlan(root, options);
    plan =
        new AbSession.Plan(
            plan.harness(), plan.profile(), 0, 0, remeasureForks, plan.outputDir(), options);
    return new RegressionConfirmer(sides, plan, System.out::println).confirm(report, base, newest);
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
