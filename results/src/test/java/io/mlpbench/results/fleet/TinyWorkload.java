package io.mlpbench.results.fleet;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.TestRuns;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tiny but real workload for fleet tests: a deterministic computation per cell (the mean of
 * 200,000 draws of a generator seeded by the cell), returned as a run record the way a real cell's
 * result is, so the store and the queue see exactly what they see in production.
 */
final class TinyWorkload implements CellExecutor {
  /** Test cells are planned for this machine class; test workers claim only its cells. */
  static final MachineClass MACHINE =
      new MachineClass("Test CPU @ 2.0GHz", 2, List.of("avx2", "fma"));

  static final int JDK = 17;

  /** The value cell {@code cell} must produce, computed here from the cell alone. */
  static double value(FleetCell cell) {
    SplittableRandom random = new SplittableRandom(cell.replicate() * 31 + cell.route().hashCode());
    double sum = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      sum += random.nextDouble();
    }
    return sum / n;
  }

  @Override
  public RunRecord execute(FleetCell cell) {
    return record(cell, value(cell));
  }

  static RunRecord record(FleetCell cell, double value) {
    AccuracyResult a =
        new AccuracyResult(
            cell.route(),
            cell.framework(),
            cell.release(),
            "fit",
            cell.replicate(),
            AccuracyResult.OK,
            null,
            null,
            List.of(),
            value,
            null,
            null,
            null,
            cell.threads(),
            0.0);
    Instant now = Instant.now();
    // a complete environment and settings, so reports and comparisons treat it as a real run
    RunRecord full = TestRuns.run(cell.runId(), now, cell.route(), "fleet-test", null);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        cell.runId(),
        now,
        now,
        "accuracy",
        "fleet cell: " + cell.label(),
        full.environment(),
        full.settings(),
        List.of(a),
        List.of());
  }
}
