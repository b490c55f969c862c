package io.mlpbench.results.cli;

import io.mlpbench.core.RunSpec;
import io.mlpbench.results.accuracy.AccuracyJob;
import io.mlpbench.results.accuracy.ConsoleProgress;
import io.mlpbench.results.history.RunHistory;
import io.mlpbench.results.model.RunRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains every selected route for every seed and writes the report. */
@Command(
    name = "accuracy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Train each route (each in its own JVM) for E epochs over S seeds from the same "
            + "initial parameters and batch order, then write the report (report.md, "
            + "results.csv, results.json, report.html) with throughput from the newest JMH "
            + "results, and record the run in the history (and the --store). Exit status 4 if any"
            + " run failed.")
final class AccuracyCommand implements Callable<Integer> {
  @Mixin RunOptions options;

  @Option(
      names = "--no-history",
      description = "Do not append this run to the history (e.g. smoke runs).")
  boolean noHistory;

  @Mixin HistoryOptions history = new HistoryOptions();

  @Override
  public Integer call() throws Exception {
    RunSpec spec = options.spec();
    history.checkStore();
    RunOptions.useJvmOf(spec);
    long start = System.nanoTime();
    RunRecord record =
        AccuracyJob.run(
            options.root(),
            options.outDir(),
            options.routes,
            spec,
            options.profile.name(),
            options.timeoutMinutes,
            new ConsoleProgress(System.out),
            System.out,
            SuiteVersion.current());
    try (RecordingStore store = RecordingStore.open(history)) {
      ReportCommand.write(
          options.root(), options.outDir(), record, null, store.selected(), System.out);
      if (!noHistory) {
        // accuracy only: older JMH results are not this run's
        RunHistory.record(history.fileStore(), store.selected(), record, System.out);
      }
      store
          .failure()
          .ifPresent(
              f -> {
                throw new CommandFailure(
                    ExitCode.INFRASTRUCTURE,
                    f + "; the run is in the local history, push it later");
              });
    }
    System.out.printf("accuracy: done in %.0f s%n", (System.nanoTime() - start) / 1e9);
    if (record.accuracy().stream().anyMatch(r -> !r.ok())) {
      throw new CommandFailure(
          ExitCode.INFRASTRUCTURE,
          record.accuracy().stream().filter(r -> !r.ok()).count()
              + " route run(s) failed (see the report's Failed runs)");
    }
    return ExitCode.OK.code;
  }
}
