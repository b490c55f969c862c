package io.mlpbench.results.store;

import io.mlpbench.results.model.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies runs from one store to another (typically this machine's file history to the fleet's
 * PostgreSQL). Offline-first: a machine runs the suite with no database, then pushes later. Runs
 * already present are skipped by id, so pushing again is safe; the source is only ever read.
 *
 * <p>A run the target refuses ({@link InvalidRecordException}, e.g. text with NUL) is reported and
 * the push goes on with the next one: one bad record never blocks the rest. A store failure (the
 * connection lost) stops the push, since every later run would fail the same way; pushing again
 * later sends exactly the runs still missing.
 */
public final class RunPusher {

  /**
   * What a push did. {@code rejected} lists each run the target refused, with the reason; {@code
   * failure} is null unless the push stopped (store unreachable).
   */
  public record Summary(
      int total,
      int pushed,
      int skipped,
      List<String> unreadable,
      List<String> rejected,
      String failure) {
    public Summary {
      unreadable = List.copyOf(unreadable);
      rejected = List.copyOf(rejected);
    }

    /** Every run was handled (pushed, already present, or rejected) and the store stayed up. */
    public boolean complete() {
      return failure == null;
    }

    /** Every local run is now in the target: nothing stopped, nothing rejected or unreadable. */
    public boolean allStored() {
      return complete() && rejected.isEmpty() && unreadable.isEmpty();
    }

    public String describe() {
      String counts =
          pushed
              + " pushed, "
              + skipped
              + " already present"
              + (rejected.isEmpty() ? "" : ", " + rejected.size() + " rejected")
              + ", of "
              + total
              + " runs";
      return failure == null
          ? counts
          : counts
              + "; stopped: "
              + failure
              + " (local records are untouched; run push again once the store is reachable"
              + " to send the rest)";
    }
  }

  /** Called after each run is handled, with the number handled so far (progress, fault tests). */
  public interface Progress extends Consumer<Integer> {}

  private RunPusher() {}

  public static Summary push(RunStore from, RunStore to, Progress progress) {
    RunStore.ReadResult local = from.list(RunQuery.ALL);
    List<RunRecord> runs = local.runs();
    List<String> rejected = new ArrayList<>();
    int pushed = 0;
    int skipped = 0;
    int handled = 0;
    for (RunRecord run : runs) {
      try {
        if (to.append(run)) {
          pushed++;
        } else {
          skipped++;
        }
      } catch (InvalidRecordException e) {
        rejected.add(e.getMessage());
      } catch (StoreException e) {
        return new Summary(
            runs.size(), pushed, skipped, local.problems(), rejected, e.getMessage());
      }
      handled++;
      if (progress != null) {
        progress.accept(handled);
      }
    }
    return new Summary(runs.size(), pushed, skipped, local.problems(), rejected, null);
  }
}
