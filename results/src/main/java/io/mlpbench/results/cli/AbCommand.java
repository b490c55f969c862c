package io.mlpbench.results.cli;

import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.results.ab.AbReport;
import io.mlpbench.results.ab.AbSession;
import io.mlpbench.results.ab.AbSide;
import io.mlpbench.results.ab.AbSides;
import io.mlpbench.results.ab.JdkRelease;
import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.Verdict;
import io.mlpbench.results.store.RunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Interleaved A/B: baseline and candidate measured in one session, forks alternating. */
@Command(
    name = "ab",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure a baseline and a candidate in ONE session, alternating JVM forks A B A B ..., so"
          + " machine drift lands on both sides alike; then the same fork-level verdict as"
          + " compare (ratio of geometric fork means, t-interval, >= 3 forks a side, busy forks"
          + " left out).",
      "A side is '.' (this checkout as built), dir:<path> (another checkout), a git revision"
          + " (checked out in target/ab-worktrees/<sha> and its route module built there), or a"
          + " run record file / run id (its recorded forks, not re-measured).",
      "Writes ab-<stamp>.json (every fork's iterations and contention record, the order they"
          + " ran in, the verdict) to --out.",
      "Exit status: 0; with --fail-on-regression 1 on a regression and 5 when inconclusive;"
          + " 2 bad input; 4 a build or measurement failed."
    })
final class AbCommand implements Callable<Integer> {
  @Mixin HistoryOptions history = new HistoryOptions();

  @Option(names = "--baseline", required = true, paramLabel = "<side>", description = "Side A.")
  String baseline;

  @Option(names = "--candidate", required = true, paramLabel = "<side>", description = "Side B.")
  String candidate;

  @Option(
      names = "--route",
      paramLabel = "<id>",
      description = "Route measured on both sides; default ${DEFAULT-VALUE}.")
  String route = "manual";

  @Option(
      names = "--candidate-route",
      paramLabel = "<id>",
      description = "Route on the candidate side when it differs (calibration: a slowed route).")
  String candidateRoute;

  @Option(
      names = "--forks",
      paramLabel = "<n>",
      description = "Forks per measured side; default ${DEFAULT-VALUE}.")
  int forks = 5;

  @Option(
      names = "--profile",
      paramLabel = "<name>",
      description =
          "JMH profile for warm-up and measurement iterations: smoke, quick (default), full.")
  String profile = "quick";

  @Option(names = "--threads", paramLabel = "<n>", description = "Threads; default all cores.")
  int threads = TrainingConfig.DEFAULT_THREADS;

  @Option(
      names = "--batch",
      paramLabel = "<n>",
      description = "Batch size; default ${DEFAULT-VALUE}.")
  int batch = TrainingConfig.defaults().batchSize();

  @Option(
      names = "--jvm",
      paramLabel = "<javaHome>",
      description = "Java home both sides' route JVMs run on (default: the JDK running mlp-bench).")
  Path jvm;

  @Option(
      names = "--candidate-jvm",
      paramLabel = "<javaHome>",
      description =
          "Java home the candidate's route JVMs run on, when it differs from the baseline's: with"
              + " the same side twice this compares JDKs (e.g. 17 vs 25) for one route.")
  Path candidateJvm;

  @Option(
      names = "--threshold",
      paramLabel = "<percent>",
      description = "Smallest change called a regression; default ${DEFAULT-VALUE}.")
  double threshold = CompareOptions.DEFAULT_THRESHOLD_PERCENT;

  @Option(
      names = "--alpha",
      description = "1 - confidence of the interval; default ${DEFAULT-VALUE}.")
  double alpha = CompareOptions.DEFAULT_ALPHA;

  @Option(
      names = "--fail-on-regression",
      description = "Exit 1 on a regression, 5 if inconclusive.")
  boolean failOnRegression;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      description = "Where ab-<stamp>.json goes; default <checkout>/results/ab.")
  Path out;

  @Override
  public Integer call() {
    if (RunOptions.javaHomeProblem(jvm) != null) {
      throw new CommandFailure(ExitCode.USAGE, RunOptions.javaHomeProblem(jvm));
    }
    String candidateProblem = RunOptions.javaHomeProblem("--candidate-jvm", candidateJvm);
    if (candidateProblem != null) {
      throw new CommandFailure(ExitCode.USAGE, candidateProblem);
    }
    Path root;
    CompareOptions options;
    try {
      root = RouteModules.projectRoot();
      options = CompareOptions.defaults().withThreshold(threshold).withAlpha(alpha);
      if (forks < 1 || threads < 1 || batch < 1) {
        throw new IllegalArgumentException("--forks, --threads and --batch must be positive");
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("ab: " + e.getMessage());
      return ExitCode.USAGE.code;
    }
    RunOptions.useJvm(jvm);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path outDir = out != null ? out : root.resolve("results/ab");
    Path work = root.resolve("target/ab").resolve(stamp);
    AbSide a;
    AbSide b;
    // a side given as a run id is looked up in the store chosen by --store / MLPBENCH_STORE
    try (RunStore store = history.store()) {
      AbSides sides = new AbSides(root, store, threads, batch, System.out::println);
      a = sides.resolve(baseline, route);
      b = sides.resolve(candidate, candidateRoute != null ? candidateRoute : route);
      if (candidateJvm != null && !b.measured()) {
        throw new IllegalArgumentException(
            "--candidate-jvm needs a measured candidate ('.', dir:<path> or a git revision), not"
                + " a recorded run");
      }
      if (candidateJvm != null) {
        // both sides name their JDK, so the console and ab-<stamp>.json say which is which
        Path baselineHome = jvm != null ? jvm : Path.of(System.getProperty("java.home"));
        a = a.onJvm(baselineHome, JdkRelease.of(baselineHome));
        b = b.onJvm(candidateJvm, JdkRelease.of(candidateJvm));
      }
    } catch (IllegalArgumentException e) {
      System.err.println("ab: " + e.getMessage());
      return ExitCode.USAGE.code;
    } catch (IOException | RuntimeException e) {
      System.err.println("ab: " + e.getMessage());
      return ExitCode.INFRASTRUCTURE.code;
    }
    if (!a.measured() && !b.measured()) {
      System.err.println("ab: both sides are recorded runs; use compare for that");
      return ExitCode.USAGE.code;
    }
    AbSession.Outcome outcome;
    try {
      outcome =
          new AbSession(
                  new AbSession.Plan(root, profile, threads, batch, forks, work, options),
                  System.out::println)
              .run(a, b);
    } catch (IOException | RuntimeException e) {
      System.err.println("ab: " + e.getMessage());
      return ExitCode.INFRASTRUCTURE.code;
    }
    System.out.print(AbReport.console(outcome));
    try {
      Path file = AbReport.write(outcome, outDir, stamp);
      System.out.println("wrote " + file);
    } catch (IOException e) {
      System.err.println("ab: cannot write the result to " + outDir + ": " + e.getMessage());
      return ExitCode.INFRASTRUCTURE.code;
    }
    if (!outcome.failures().isEmpty() && outcome.verdict().verdict().isInconclusive()) {
      return ExitCode.INFRASTRUCTURE.code;
    }
    if (failOnRegression && outcome.verdict().verdict() == Verdict.REGRESSION) {
      return ExitCode.REGRESSION.code;
    }
    if (failOnRegression && outcome.verdict().verdict().isInconclusive()) {
      return ExitCode.NOTHING_COMPARABLE.code;
    }
    return ExitCode.OK.code;
  }
}
