package io.mlpbench.results.cli;

import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.matrix.MatrixConfig;
import io.mlpbench.results.matrix.MatrixRunner;
import io.mlpbench.results.matrix.MatrixTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the suite for a list of framework releases and tabulates route x release. */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description = {
      "Framework release matrix: for each release in the config, build the route module against it"
          + " (own classpath, own compile, own JVMs), measure throughput with the benchmarks runner"
          + " and accuracy for a few epochs, then tabulate route x release and flag regressions"
          + " between consecutive releases with the rules of `compare`.",
      "With --jvm (or \"jvms\" in the config) every release runs on each JDK, and the table adds"
          + " the JDK ratios of each release.",
      "Writes <out>/matrix.md, one run record per release (and JDK) in <out>/history/, builds"
          + " and logs.",
      "Exit status: see the table below (1 on a regression with --fail-on-regression)."
    })
final class MatrixCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "<file>",
      description = "Releases to run; default <checkout>/results/matrix.json.")
  Path config;

  @Option(
      names = "--frameworks",
      split = ",",
      paramLabel = "<name>",
      description = "Only these frameworks of the config (name or module), e.g. DL4J,djl-impl.")
  List<String> frameworks;

  @Option(
      names = "--profile",
      paramLabel = "smoke|quick|full",
      description = "Benchmark profile for throughput; default from the config.")
  String profile;

  @Option(
      names = "--epochs",
      paramLabel = "<n>",
      description =
          "Accuracy epochs per route and release (0 = no accuracy); default from the config.")
  Integer epochs;

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description = "Threads of every route JVM; default from the config (0 = all cores).")
  Integer threads;

  @Option(
      names = "--jvm",
      paramLabel = "<javaHome>",
      description =
          "A JDK to run every release on, e.g. /usr/lib/jvm/temurin-25-jdk-amd64; repeatable."
              + " Labelled by the release its release file names (17, 25); adds to the config's"
              + " \"jvms\", replacing one of the same label. Default: the config's, else the JDK"
              + " running mlp-bench.")
  List<Path> jvms;

  @Option(
      names = "--offline",
      description = "Use only releases already in the local Maven repository (mvn -o).")
  boolean offline;

  @Option(
      names = "--threshold",
      paramLabel = "<percent>",
      description = "As for compare; default ${DEFAULT-VALUE}.")
  double threshold = CompareOptions.DEFAULT_THRESHOLD_PERCENT;

  @Option(names = "--alpha", description = "As for compare; default ${DEFAULT-VALUE}.")
  double alpha = CompareOptions.DEFAULT_ALPHA;

  @Option(
      names = "--fail-on-regression",
      description = "Exit with status 1 when a release regresses against the previous one.")
  boolean failOnRegression;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      description = "Output directory; default <checkout>/results/matrix/<timestamp>.")
  Path out;

  @Mixin FleetMatrixOptions fleet = new FleetMatrixOptions();

  @Override
  public Integer call() {
    Path checkout = RouteModules.projectRoot();
    // every option before the config is read or anything is built
    if (profile != null && !List.of("smoke", "quick", "full").contains(profile)) {
      throw CommandFailure.usage(
          "--profile: expected smoke, quick or full, found '" + profile + "'");
    }
    if (epochs != null && epochs < 0) {
      throw CommandFailure.usage("--epochs must be 0 (no accuracy) or positive, found " + epochs);
    }
    if (threads != null && threads < 0) {
      throw CommandFailure.usage("--threads must be 0 (all cores) or positive, found " + threads);
    }
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw CommandFailure.usage("--threshold must be a percentage >= 0, found " + threshold);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw CommandFailure.usage("--alpha must be a probability in (0, 1), found " + alpha);
    }
    List<MatrixConfig.Jvm> extraJvms = new ArrayList<>();
    for (Path home : jvms == null ? List.<Path>of() : jvms) {
      if (RunOptions.javaHomeProblem(home) != null) {
        throw CommandFailure.usage(RunOptions.javaHomeProblem(home));
      }
      extraJvms.add(MatrixConfig.Jvm.of(home));
    }
    CompareOptions options = CompareOptions.defaults().withThreshold(threshold).withAlpha(alpha);
    Path file = config != null ? config : checkout.resolve("results/matrix.json");
    if (!Files.isRegularFile(file)) {
      throw CommandFailure.data("--config: no release matrix config at " + file);
    }
    MatrixConfig read;
    try {
      read = MatrixConfig.read(file);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.data(e.getMessage());
    }
    MatrixConfig matrix = read.only(frameworks).with(profile, epochs, threads).withJvms(extraJvms);
    if (fleet.selected()) {
      if (!extraJvms.isEmpty()) {
        throw CommandFailure.usage(
            "--jvm runs the matrix here; a fleet plan takes JDK releases: --jdks 17,25");
      }
      return fleet.run(checkout, matrix, options, out, failOnRegression);
    }
    for (MatrixConfig.Jvm jvm : matrix.jvms()) {
      // the config's JDKs (not replaced by a --jvm) are checked before anything is built
      String problem =
          RunOptions.javaHomeProblem(file + ": jvms \"" + jvm.label() + "\" home", jvm.home());
      if (!extraJvms.contains(jvm) && problem != null) {
        throw CommandFailure.data(problem);
      }
    }
    Path dir =
        out != null
            ? out.toAbsolutePath()
            : checkout.resolve("results/matrix").resolve(MatrixRunner.stamp());
    List<MatrixRunner.Cell> cells =
        new MatrixRunner(checkout, dir, offline, System.out::println).run(matrix);
    MatrixTable table = new MatrixTable(cells, options);
    String md = table.markdown();
    System.out.println();
    System.out.print(md);
    try {
      Files.writeString(dir.resolve("matrix.md"), md);
      System.out.println("wrote " + dir.resolve("matrix.md"));
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCode.INFRASTRUCTURE,
          "cannot write " + dir.resolve("matrix.md") + ": " + e.getMessage(),
          e);
    }
    return failOnRegression && table.hasRegression() ? ExitCode.REGRESSION.code : 0;
  }
}
