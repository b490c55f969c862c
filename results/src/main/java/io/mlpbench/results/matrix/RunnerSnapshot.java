package io.mlpbench.results.matrix;

import io.mlpbench.core.launch.BenchmarksModule;
import io.mlpbench.core.launch.JmhLock;
import io.mlpbench.core.launch.JvmLaunch;
import io.mlpbench.core.launch.LaunchedJvm;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.report.JmhResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The benchmarks runner as the release matrix and the fleet's workers start it: from a snapshot of
 * its classes taken once, because a rebuild of {@code benchmarks/} during a long matrix must not
 * pull classes from under a running JVM; after JMH's lock is free; its output in {@code
 * <out>/runner.log}.
 */
public final class RunnerSnapshot {
  static final Duration TIMEOUT = Duration.ofHours(3);
  static final Duration LOCK_PATIENCE = Duration.ofMinutes(60);

  private final BenchmarksModule runner;

  private RunnerSnapshot(BenchmarksModule runner) {
    this.runner = runner;
  }

  /** Copies the checkout's built benchmarks classes to {@code dir} (replacing what is there). */
  public static RunnerSnapshot take(Path checkout, Path dir) throws IOException {
    BenchmarksModule module = BenchmarksModule.of(checkout);
    VersionBuild.deleteTree(dir);
    VersionBuild.copyTree(module.classes(), dir);
    return new RunnerSnapshot(module.withClasses(dir));
  }

  /**
   * What a run measured.
   *
   * @param loadBefore the machine's 1-minute load average when it started (null if unknown)
   */
  public record Measured(List<ThroughputResult> results, Double loadBefore) {}

  /**
   * Runs the runner on the route modules under {@code root} with {@code -Dbench.*} {@code settings}
   * and {@code -Dbench.out=out}, once JMH's lock is free (a wait is told to {@code log}); returns
   * its JMH results, or fails saying why there are none.
   */
  public Measured measure(Path root, Map<String, String> settings, Path out, Consumer<String> log)
      throws IOException {
    return measure(root, settings, null, out, log);
  }

  /**
   * As {@link #measure(Path, Map, Path, Consumer)}, with the JMH forks on the JDK at {@code jvm}
   * (null: the runner's own), passed as {@code run --jvm} passes it; the runner JVM itself runs on
   * {@link JvmLaunch#javaLauncher()}'s.
   */
  public Measured measure(
      Path root, Map<String, String> settings, Path jvm, Path out, Consumer<String> log)
      throws IOException {
    VersionBuild.deleteTree(out);
    Files.createDirectories(out);
    Map<String, String> withOut = new LinkedHashMap<>(settings);
    withOut.put("out", out.toString());
    Path runnerLog = out.resolve("runner.log");
    JmhLock.awaitFree(LOCK_PATIENCE, log);
    Double loadBefore = MatrixRunner.loadAverage();
    LaunchedJvm.Exit exit =
        runner
            .runner(root, withOut)
            .jvmArgs(JvmLaunch.jvmPropertyFor(jvm))
            .outputTo(runnerLog)
            .timeout(TIMEOUT)
            .start()
            .awaitExit();
    if (exit.timedOut()) {
      throw new IllegalStateException(
          "benchmarks runner " + exit.describe() + "; see " + runnerLog);
    }
    Path json =
        JmhResults.newest(out)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no JMH results (benchmarks runner "
                            + exit.describe()
                            + "); see "
                            + runnerLog));
    return new Measured(JmhResults.read(json).results(), loadBefore);
  }
}
