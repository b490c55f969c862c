package io.mlpbench.results.history;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.RunStore;
import java.io.PrintStream;

/**
 * Records a completed run: always in this machine's file history (offline-first: a run is never
 * lost to an unreachable database, and {@code push} sends it later), and also in the selected store
 * when that is another one (PostgreSQL), so {@code compare} reads what {@code run} wrote.
 */
public final class RunHistory {
  private RunHistory() {}

  /**
   * Appends {@code run} (atomically; a run id already recorded is left alone) and says where.
   *
   * @param selected the store chosen by --store/MLPBENCH_STORE; null when it could not be opened,
   *     or the local store itself
   * @throws io.mlpbench.results.store.StoreException when a store cannot be written
   */
  public static void record(FileRunStore local, RunStore selected, RunRecord run, PrintStream out) {
    boolean added = local.append(run);
    out.println(
        "history: "
            + (added ? "recorded" : "already recorded")
            + " run "
            + run.runId()
            + " in "
            + local.historyDir().resolve(FileRunStore.fileName(run)));
    if (selected != null && !(selected instanceof FileRunStore)) {
      boolean stored = selected.append(run);
      out.println(
          "history: "
              + (stored ? "recorded" : "already recorded")
              + " run "
              + run.runId()
              + " in "
              + selected.describe());
    }
  }
}
