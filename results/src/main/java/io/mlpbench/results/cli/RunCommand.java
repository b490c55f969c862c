package io.mlpbench.results.cli;

import io.mlpbench.core.RunSpec;
import io.mlpbench.core.launch.BenchmarksModule;
import io.mlpbench.core.launch.JvmLaunch;
import io.mlpbench.results.accuracy.AccuracyJob;
import io.mlpbench.results.accuracy.ConsoleProgress;
import io.mlpbench.results.history.RunHistory;
import io.mlpbench.results.model.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The main job: timing (JMH, benchmarks runner in its own JVM), accuracy, report, then comparison
 * with the baseline when a {@code compare} command is installed. A failing stage is reported and
 * the later stages still run.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "The main job with defaults: JMH timing of every route, the accuracy comparison, "
            + "the report in results/latest/, then `compare` against the baseline. Each stage's "
            + "failure is reported and the others still run; the exit status is 4 if any stage "
            + "failed. The run is recorded in the local history and in the --store, and compare "
            + "reads that same store.")
final class RunCommand implements Callable<Integer> {
  @Mixin RunOptions options;

  @Mixin HistoryOptions history = new HistoryOptions();

  @Option(
      names = "--no-history",
      description =
          "Do not append this run to the history (compare then sees the previous newest run).")
  boolean noHistory;

  @Option(
      names = "--skip-timing",
      description =
          "Skip the JMH timing stage (the report takes the newest results/jmh/jmh-*-results.json).")
  boolean skipTiming;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RunSpec run = options.spec();
    history.checkStore(); // a bad store URL is a usage error before an hour of benchmarking
    RunOptions.useJvmOf(run);
    Path root = options.root();
    Map<String, String> outcome = new LinkedHashMap<>();
    long start = System.nanoTime();

    if (skipTiming) {
      outcome.put("timing", "skipped");
    } else {
      outcome.put("timing", stage(() -> timing(root, run)));
    }
    RunRecord[] record = new RunRecord[1];
    outcome.put(
        "accuracy",
        stage(
            () -> {
              record[0] =
                  AccuracyJob.run(
                      root,
                      options.outDir(),
                      options.routes,
                      run,
                      options.profile.name(),
                      options.timeoutMinutes,
                      new ConsoleProgress(System.out),
                      System.out,
                      SuiteVersion.current());
              long failed = record[0].accuracy().stream().filter(r -> !r.ok()).count();
              return failed == 0
                  ? "ok"
                  : "failed: " + failed + " run(s) failed (see the report's Failed runs)";
            }));
    outcome.put(
        "report",
        stage(
            () -> {
              if (record[0] == null) {
                return "failed: no accuracy results to report";
              }
              try (RecordingStore store = RecordingStore.open(history)) {
                RunRecord reported =
                    ReportCommand.write(
                            root, options.outDir(), record[0], null, store.selected(), System.out)
                        .record();
                // with fresh timing the record carries this run's JMH samples; skipped timing
                // would add stale ones
                if (!noHistory) {
                  RunHistory.record(
                      history.fileStore(),
                      store.selected(),
                      skipTiming ? record[0] : reported,
                      System.out);
                }
                return store
                    .failure()
                    .map(f -> "failed: " + f + " (run kept in the local history; push it later)")
                    .orElse("ok");
              }
            }));
    CommandLine compare = spec.root().subcommands().get("compare");
    if (compare == null) {
      outcome.put("compare", "skipped (no compare command installed)");
    } else {
      outcome.put(
          "compare",
          stage(
              () -> {
                List<String> args = new ArrayList<>(List.of("--out", options.outDir().toString()));
                args.addAll(history.asArgs()); // compare reads the store this run recorded to
                int status = compare.execute(args.toArray(String[]::new));
                return status == 0 ? "ok" : "failed: compare exited with " + status;
              }));
    }
    System.out.println();
    System.out.printf("run: finished in %.0f s%n", (System.nanoTime() - start) / 1e9);
    outcome.forEach((stage, result) -> System.out.printf("  %-9s %s%n", stage, result));
    return outcome.values().stream().anyMatch(v -> v.startsWith("failed"))
        ? ExitCode.INFRASTRUCTURE.code
        : ExitCode.OK.code;
  }

  interface Stage {
    String run() throws Exception;
  }

  private static String stage(Stage stage) {
    try {
      return stage.run();
    } catch (Exception | LinkageError e) {
      System.err.println("stage failed: " + e.getMessage());
      return "failed: " + e.getMessage();
    }
  }

  /** Runs the benchmarks module's runner in its own JVM; output passes through to the console. */
  String timing(Path root, RunSpec spec) throws Exception {
    Map<String, String> bench = new LinkedHashMap<>();
    bench.put("profile", options.profile.name());
    if (!options.routes.isEmpty()) {
      bench.put("routes", String.join(",", options.routes));
    }
    RunSpec.Sweep sweep = spec.sweep();
    bench.put("spec", spec.toJson()); // model, threads, batch sizes and forks, said once
    JvmLaunch runner =
        BenchmarksModule.of(root)
            .runner(root, bench)
            .directory(root)
            .errorTo(ProcessBuilder.Redirect.INHERIT);
    runner.jvmArgs(JvmLaunch.jvmPropertyFor(sweep.jvm())); // the JMH forks' JDK
    System.out.println("timing: " + BenchmarksModule.RUNNER + " (profile " + options.profile + ")");
    TimingProgress progress = new TimingProgress(System.out, System::nanoTime);
    int status = runner.start().forEachLine(progress::line).status();
    return switch (status) {
      case 0 -> "ok";
      case 1 ->
          "failed: some route's timing failed (others written; see results/jmh/*-results.json)";
      default -> "failed: benchmarks runner exited with " + status;
    };
  }
}
