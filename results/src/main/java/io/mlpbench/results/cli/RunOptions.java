package io.mlpbench.results.cli;

import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.launch.JvmLaunch;
import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.core.launch.RouteNames;
import io.mlpbench.dataset.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The model, training and output options shared by {@code accuracy} and {@code run}. */
final class RunOptions {
  /** The option defaults, from the one place they are defined. */
  private static final RunSpec DEFAULTS = RunSpec.defaults();

  /** Seeds in order: 1 seed is the suite's seed (42), more add 43, 44, ... */
  static final long FIRST_SEED = DEFAULTS.training().seed();

  /**
   * How much a run measures; the names are the benchmarks' profiles ({@code BenchProfile}), the
   * same set {@code matrix --profile} takes.
   */
  enum Profile {
    /** Proves the harness: JMH smoke, 1 seed (no accuracy interval). */
    smoke(1),
    /** The default: JMH quick, 3 seeds so accuracy has a 95% interval. */
    quick(3),
    /** Release decisions: JMH full (~1 h of timing), 5 seeds. */
    full(5);

    final int seeds;

    Profile(int seeds) {
      this.seeds = seeds;
    }
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--routes",
      split = ",",
      paramLabel = "<id>",
      description = "Comma-separated route ids (see `mlp-bench list`); default every built route.")
  List<String> routes = new ArrayList<>();

  @Option(
      names = "--epochs",
      paramLabel = "<n>",
      description = "Training epochs per run (default ${DEFAULT-VALUE}).")
  int epochs = DEFAULTS.training().epochs();

  @Option(
      names = "--seeds",
      paramLabel = "<n>",
      description =
          "Number of seeds (42, 43, ...); default from --profile: smoke 1, quick 3, full 5.")
  Integer seeds;

  @Option(
      names = "--profile",
      paramLabel = "smoke|quick|full",
      description =
          "smoke: JMH smoke, 1 seed; quick (default): JMH quick, 3 seeds; full: JMH full"
              + " (~1 h of timing), 5 seeds.")
  Profile profile = Profile.quick;

  @Option(
      names = "--dataset",
      paramLabel = "mnist|fashion",
      description = "Dataset (default ${DEFAULT-VALUE}).")
  String dataset = DEFAULTS.model().dataset();

  @Option(
      names = "--hidden",
      paramLabel = "<sizes>",
      description =
          "Hidden layer sizes, comma-separated (default ${DEFAULT-VALUE}: the canonical 784-512-512-10).")
  String hidden = DEFAULTS.model().hiddenText(",");

  @Option(
      names = "--activation",
      paramLabel = "relu|tanh|sigmoid",
      description = "Hidden activation (default ${DEFAULT-VALUE}).")
  String activation = DEFAULTS.model().activation().id();

  @Option(
      names = "--optimizer",
      paramLabel = "adam|sgd",
      description = "Optimizer (default ${DEFAULT-VALUE}).")
  String optimizer = DEFAULTS.training().optimizer().id();

  @Option(
      names = "--lr",
      paramLabel = "<rate>",
      description = "Learning rate (default ${DEFAULT-VALUE}).")
  double lr = DEFAULTS.training().learningRate();

  @Option(
      names = "--batch-size",
      paramLabel = "<n>",
      description = "Mini-batch size (default ${DEFAULT-VALUE}).")
  int batchSize = DEFAULTS.training().batchSize();

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description = "Compute threads per route JVM (default: all cores, ${DEFAULT-VALUE}).")
  int threads = DEFAULTS.training().threads();

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description =
          "Directory holding the dataset's IDX files (default: the dataset module's cache, ~/.cache/mlp-bench).")
  Path dataDir;

  @Option(
      names = "--jvm",
      paramLabel = "<javaHome>",
      description =
          "Java home the route JVMs (training workers and JMH forks) run on, e.g."
              + " /usr/lib/jvm/temurin-25-jdk-amd64 (default: the JDK running mlp-bench).")
  Path jvm;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      description = "Report directory (default <checkout>/results/latest).")
  Path out;

  @Option(
      names = "--train-limit",
      paramLabel = "<n>",
      hidden = true,
      description = "Train on the first N samples only (smoke tests; 0 = all).")
  int trainLimit;

  @Option(
      names = "--timeout-minutes",
      paramLabel = "<minutes>",
      description =
          "Kill a route run after M minutes and mark it failed (default ${DEFAULT-VALUE}).")
  long timeoutMinutes = 60;

  /**
   * The run these options describe. Checks every value, naming the option, what was expected and
   * what was found; route names too, without starting a JVM.
   */
  RunSpec spec() {
    String routeProblem = RouteNames.problem(routes, root());
    if (routeProblem != null) {
      throw new ParameterException(spec.commandLine(), routeProblem);
    }
    require(epochs > 0, "--epochs must be a positive number of epochs, found " + epochs);
    require(batchSize > 0, "--batch-size must be positive, found " + batchSize);
    require(threads > 0, "--threads must be positive, found " + threads);
    require(lr > 0 && Double.isFinite(lr), "--lr must be a positive number, found " + lr);
    require(seedCount() > 0, "--seeds must be at least 1, found " + seedCount());
    require(timeoutMinutes > 0, "--timeout-minutes must be positive, found " + timeoutMinutes);
    require(trainLimit >= 0, "--train-limit must be 0 (all) or positive, found " + trainLimit);
    require(
        Datasets.names().contains(dataset),
        "--dataset: expected one of " + Datasets.names() + ", found '" + dataset + "'");
    if (dataDir != null) {
      require(
          Files.isDirectory(dataDir),
          "--data-dir: directory " + dataDir.toAbsolutePath() + " does not exist");
    }
    require(javaHomeProblem(jvm) == null, javaHomeProblem(jvm));
    RunSpec.Model model;
    TrainingConfig training;
    try {
      model = new RunSpec.Model(dataset, boxed(parseHidden()), Activation.parse(activation));
      training =
          DEFAULTS
              .training()
              .withOptimizer(OptimizerKind.parse(optimizer), lr)
              .withBatchSize(batchSize)
              .withEpochs(epochs)
              .withThreads(threads);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return new RunSpec(
        model,
        training,
        new RunSpec.Data(trainLimit, 0, dataDir == null ? null : dataDir.toAbsolutePath()),
        new RunSpec.Sweep(
            // the full profile keeps its own 32,128,512 sweep
            profile == Profile.full ? List.of() : List.of(batchSize),
            List.of(threads),
            seedList(),
            null,
            jvm == null ? null : jvm.toAbsolutePath()));
  }

  private int[] parseHidden() {
    try {
      int[] sizes = ModelSpec.parseHidden(hidden);
      require(sizes.length > 0, "--hidden: layer sizes must be positive, found '" + hidden + "'");
      return sizes;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--hidden: " + e.getMessage());
    }
  }

  /** Why {@code home} cannot be {@code --jvm}, or null when it is a Java home. */
  static String javaHomeProblem(Path home) {
    return javaHomeProblem("--jvm", home);
  }

  /** Why {@code home} cannot be the Java home given as {@code option}, or null when it is one. */
  static String javaHomeProblem(String option, Path home) {
    Path java = home == null ? null : home.toAbsolutePath().resolve("bin").resolve("java");
    return java == null || Files.isExecutable(java)
        ? null
        : option
            + ": "
            + home.toAbsolutePath()
            + " is not a Java home (no executable "
            + java
            + ")";
  }

  /**
   * Route JVMs started from now on run on the spec's JDK ({@link JvmLaunch#JVM_PROPERTY}); the JDK
   * running this command when it names none.
   */
  static void useJvmOf(RunSpec spec) {
    useJvm(spec.sweep().jvm());
  }

  static void useJvm(Path home) {
    if (home != null) {
      System.setProperty(JvmLaunch.JVM_PROPERTY, home.toAbsolutePath().toString());
    }
  }

  private static List<Integer> boxed(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  int seedCount() {
    return seeds != null ? seeds : profile.seeds;
  }

  List<Long> seedList() {
    List<Long> list = new ArrayList<>();
    for (int i = 0; i < seedCount(); i++) {
      list.add(FIRST_SEED + i);
    }
    return list;
  }

  Path root() {
    return RouteModules.projectRoot();
  }

  Path outDir() {
    return out != null ? out.toAbsolutePath() : root().resolve("results/latest");
  }

  private void require(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }
}
