package io.mlpbench.results.cli;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Makes a run of the history the baseline that {@code compare} measures against. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description =
        "Make a run the baseline (copied atomically to baseline.json beside the history).")
final class PromoteCommand implements Callable<Integer> {
  @Mixin HistoryOptions history = new HistoryOptions();

  @Parameters(
      paramLabel = "<runId|latest>",
      description = "Run id (see `history`), or `latest` for the newest run.")
  String runId;

  @Override
  public Integer call() {
    if (runId.isBlank()) {
      throw CommandFailure.usage("expected a run id or `latest`, found an empty argument");
    }
    history.requireHistoryDir();
    try (RunStore store = history.store()) {
      String id = runId;
      if ("latest".equals(runId)) {
        List<RunRecord> runs = store.list(RunQuery.ALL).runs();
        if (runs.isEmpty()) {
          throw CommandFailure.data("no readable runs in " + store.describe() + " to promote");
        }
        id = runs.get(runs.size() - 1).runId();
      } else if (store.find(id).isEmpty()) {
        throw CommandFailure.usage(
            "no run '" + id + "' in " + store.describe() + " (see `mlp-bench history`)");
      }
      store.promoteBaseline(id);
      System.out.println("baseline is now run " + id + " in " + store.describe());
      return 0;
    }
  }
}
