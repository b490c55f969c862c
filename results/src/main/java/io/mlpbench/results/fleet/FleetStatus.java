package io.mlpbench.results.fleet;

import java.util.List;
import java.util.Locale;

/**
 * {@code matrix --status}: the plan's cells by status, per worker, and the failed cells' reasons.
 */
public final class FleetStatus {
  private FleetStatus() {}

  public static String text(CellQueue queue, String plan) {
    CellQueue.Counts all = queue.counts(plan);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "plan %s in %s: %d cells, %d done, %d running, %d queued, %d failed%n%n",
            plan,
            queue.describe(),
            all.total(),
            all.done(),
            all.running(),
            all.queued(),
            all.failed()));
    sb.append("| worker (latest attempt) | queued | running | done | failed |\n");
    sb.append("|---|---:|---:|---:|---:|\n");
    for (CellQueue.WorkerCounts w : queue.perWorker(plan)) {
      CellQueue.Counts n = w.counts();
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d |%n",
              w.worker(),
              n.queued(),
              n.running(),
              n.done(),
              n.failed()));
    }
    List<CellQueue.CellState> failed =
        queue.cells(plan).stream().filter(c -> c.status().equals("failed")).toList();
    if (!failed.isEmpty()) {
      sb.append("\nfailed cells:\n");
      for (CellQueue.CellState c : failed) {
        sb.append("  ")
            .append(c.cell().label())
            .append(" (")
            .append(c.attempts())
            .append(" attempts): ")
            .append(c.lastError())
            .append('\n');
      }
    }
    return sb.toString();
  }
}
