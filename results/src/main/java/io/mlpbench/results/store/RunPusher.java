package io.mlpbench.results.store;

import io.mlpbench.results.model.RunRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies runs from one store to another (typically this machine's file history to the fleet's
 * PostgreSQL). Offline-first: a machine runs the suite with no database, then pushes later. Runs
 * already present are skipped by id, so pushing again is safe; the source is only ever read.
 */
public final class RunPusher {

  /** What a push did. {@code failure} is null when every run was handled. */
  public record Summary(
      int total, int pushed, int skipped, List<String> unreadable, String failure) {
    public boolean complete() {
      return failure == null;
    }

    public String describe() {
      String counts = pushed + " pushed, " + skipped + " already present, of " + total + " runs";
      return failure == null
          ? counts
          : counts
              + "; stopped: "
              + failure
              + " (local records are untouched; run push again to send the rest)";
    }
  }

  /** Called after each run is handled, with the number handled so far (progress, fault tests). */
  public interface Progress extends Consumer<Integer> {}

  private RunPusher() {}

  public static Summary push(RunStore from, RunStore to, Progress progress) {
    RunStore.ReadResult local = from.list(RunQuery.ALL);
    List<RunRecord> runs = local.runs();
    int pushed = 0;
    int skipped = 0;
    for (RunRecord run : runs) {
      try {
        if (to.append(run)) {
          pushed++;
        } else {
          skipped++;
        }
      } catch (StoreException e) {
        return new Summary(runs.size(), pushed, skipped, local.problems(), e.getMessage());
      }
      if (progress != null) {
        progress.accept(pushed + skipped);
      }
    }
    return new Summary(runs.size(), pushed, skipped, local.problems(), null);
  }
}
