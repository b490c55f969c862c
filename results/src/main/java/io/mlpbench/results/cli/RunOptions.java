package io.mlpbench.results.cli;

import io.mlpbench.core.Activation;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.core.launch.RouteNames;
import io.mlpbench.core.launch.TrainRequest;
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
  /** Seeds in order: 1 seed is 42 (the suite's seed), more add 43, 44, ... */
  static final long FIRST_SEED = 42;

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
  int epochs = 5;

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
  String dataset = "mnist";

  @Option(
      names = "--hidden",
      paramLabel = "<sizes>",
      description =
          "Hidden layer sizes, comma-separated (default ${DEFAULT-VALUE}: the canonical 784-512-512-10).")
  String hidden = "512,512";

  @Option(
      names = "--activation",
      paramLabel = "relu|tanh|sigmoid",
      description = "Hidden activation (default ${DEFAULT-VALUE}).")
  String activation = "relu";

  @Option(
      names = "--optimizer",
      paramLabel = "adam|sgd",
      description = "Optimizer (default ${DEFAULT-VALUE}).")
  String optimizer = "adam";

  @Option(
      names = "--lr",
      paramLabel = "<rate>",
      description = "Learning rate (default ${DEFAULT-VALUE}).")
  double lr = 1e-3;

  @Option(
      names = "--batch-size",
      paramLabel = "<n>",
      description = "Mini-batch size (default ${DEFAULT-VALUE}).")
  int batchSize = 128;

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description = "Compute threads per route JVM (default: all cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      description =
          "Directory holding the dataset's IDX files (default: the dataset module's cache, ~/.cache/mlp-bench).")
  Path dataDir;

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
   * Checks every value, naming the option, what was expected and what was found; route names too,
   * without starting a JVM.
   */
  TrainRequest request() {
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
    int[] sizes;
    try {
      sizes =
          Arrays.stream(hidden.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--hidden: expected comma-separated positive layer sizes like 512,512, found '"
              + hidden
              + "'");
    }
    require(
        sizes.length > 0 && Arrays.stream(sizes).allMatch(s -> s > 0),
        "--hidden: layer sizes must be positive, found '" + hidden + "'");
    Activation act;
    OptimizerKind opt;
    try {
      act = Activation.parse(activation);
      opt = OptimizerKind.parse(optimizer);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return new TrainRequest(
        "",
        dataset,
        dataDir == null ? null : dataDir.toAbsolutePath(),
        sizes,
        act,
        opt,
        lr,
        batchSize,
        epochs,
        FIRST_SEED,
        threads,
        trainLimit,
        0);
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
