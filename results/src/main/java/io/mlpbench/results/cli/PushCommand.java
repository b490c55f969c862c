package io.mlpbench.results.cli;

import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.store.RunPusher;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.RunStores;
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
      "A run the store refuses (e.g. text containing NUL) is reported and the push goes on; the"
          + " exit status is then 3. A store lost during the push stops it with status 4."
    })
final class PushCommand implements Callable<Integer> {
  @Mixin HistoryOptions history = new HistoryOptions();

  @Override
  public Integer call() {
    if (RunStores.selected(history.store) == null) {
      throw CommandFailure.usage(
          "no store given; pass --store jdbc:postgresql://host/db or set "
              + RunStores.ENVIRONMENT_VARIABLE);
    }
    RunStores.checked(RunStores.selected(history.store)); // a bad URL before reading any file
    history.requireLocalHistoryDir();
    FileRunStore local = history.fileStore();
    try (RunStore remote = history.store()) {
      int total = local.list(RunQuery.ALL).runs().size();
      RunPusher.Summary summary;
      try (ProgressBar bar = new ProgressBar("push", total)) {
        summary = RunPusher.push(local, remote, bar::stepTo);
      }
      summary
          .unreadable()
          .forEach(p -> System.err.println("push: skipped unreadable local record: " + p));
      summary.rejected().forEach(p -> System.err.println("push: rejected: " + p));
      System.out.println("push to " + remote.describe() + ": " + summary.describe());
      if (!summary.complete()) {
        throw new CommandFailure(
            ExitCode.INFRASTRUCTURE, "push stopped: " + summary.failure() + "; run push again");
      }
      if (!summary.allStored()) {
        throw CommandFailure.data(
            (summary.rejected().size() + summary.unreadable().size())
                + " local record(s) could not be pushed (listed above); every other run is in "
                + remote.describe());
      }
      return ExitCode.OK.code;
    }
  }
}
