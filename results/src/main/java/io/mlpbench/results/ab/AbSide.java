package io.mlpbench.results.ab;

import io.mlpbench.results.model.ForkResult;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of an A/B comparison.
 *
 * @param label how the side is shown, e.g. "commit 1a2b3c4d" or "recorded run 7f3a…"
 * @param checkout the checkout whose route modules are measured; null for a recorded run
 * @param route the route measured on this side
 * @param recorded the forks of a recorded run (not re-measured); empty for a measured side
 * @param gitCommit the commit measured, when known
 */
public record AbSide(
    String label, Path checkout, String route, List<ForkResult> recorded, String gitCommit) {
  public AbSide {
    recorded = List.copyOf(recorded);
  }

  /** Whether this side is measured in the session (a checkout), rather than read from a record. */
  public boolean measured() {
    return checkout != null;
  }
}
