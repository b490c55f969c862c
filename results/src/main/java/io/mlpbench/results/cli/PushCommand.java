package io.mlpbench.results.cli;

import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.store.RunPusher;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.RunStores;
import io.mlpbench.results.store.StoreException;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Uploads this machine's file history to the fleet's store; runs already there are skipped. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Upload the local run history (--history-dir) to the store given by --store or MLPBENCH_STORE"
          + " (jdbc:postgresql://host[:port]/database). Credentials come from PGUSER/PGPASSWORD or"
          + " ~/.pgpass, never from the command line.",
      "Each run is one transaction keyed by its run id: runs already in the store are skipped, and"
          + " an interrupted push is finished by running push again. Local records are only read.",
      "Exit status: 0 when every run is in the store, 1 when the push stopped, 2 on bad input."
    })
final class PushCommand implements Callable<Integer> {
  @Mixin HistoryOptions history = new HistoryOptions();

  @Override
  public Integer call() {
    if (RunStores.selected(history.store) == null) {
      System.err.println(
          "push: no store given; pass --store jdbc:postgresql://host/db or set "
              + RunStores.ENVIRONMENT_VARIABLE);
      return 2;
    }
    FileRunStore local = history.fileStore();
    try (RunStore remote = history.store()) {
      int total = local.list(io.mlpbench.results.store.RunQuery.ALL).runs().size();
      RunPusher.Summary summary;
      try (ProgressBar bar = new ProgressBar("push", total)) {
        summary = RunPusher.push(local, remote, bar::stepTo);
      }
      summary
          .unreadable()
          .forEach(p -> System.err.println("push: skipped unreadable local record: " + p));
      System.out.println("push to " + remote.describe() + ": " + summary.describe());
      return summary.complete() ? 0 : 1;
    } catch (StoreException | IllegalArgumentException e) {
      System.err.println("push: " + e.getMessage());
      return 2;
    }
  }
}
