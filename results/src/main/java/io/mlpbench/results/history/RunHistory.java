package io.mlpbench.results.history;

import io.mlpbench.results.model.RunRecord;
import java.io.PrintStream;
import java.nio.file.Path;

/** Records a completed run in the checkout's file history ({@code <checkout>/results/history}). */
public final class RunHistory {
  private RunHistory() {}

  /**
   * Appends {@code run} (atomically; a run id already recorded is left alone) and says where.
   *
   * @throws io.mlpbench.results.store.StoreException when the history cannot be written
   */
  public static void record(Path checkout, RunRecord run, PrintStream out) {
    FileRunStore store = new FileRunStore(checkout.resolve("results"));
    boolean added = store.append(run);
    out.println(
        "history: "
            + (added ? "recorded" : "already recorded")
            + " run "
            + run.runId()
            + " in "
            + store.historyDir().resolve(FileRunStore.fileName(run)));
  }
}
