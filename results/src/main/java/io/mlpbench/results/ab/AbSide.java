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
 * @param jvm the Java home this side's route JVMs run on; null for the session's (ab --jvm, or the
 *     JDK running mlp-bench). Two sides that differ only here compare JDKs: the JVM is a release
 *     too.
 */
public record AbSide(
    String label,
    Path checkout,
    String route,
    List<ForkResult> recorded,
    String gitCommit,
    Path jvm) {
  public AbSide {
    recorded = List.copyOf(recorded);
  }

  public AbSide(
      String label, Path checkout, String route, List<ForkResult> recorded, String gitCommit) {
    this(label, checkout, route, recorded, gitCommit, null);
  }

  /** This side run on the JDK at {@code javaHome}, its label naming that JDK. */
  public AbSide onJvm(Path javaHome, String jdkName) {
    return new AbSide(label + " on " + jdkName, checkout, route, recorded, gitCommit, javaHome);
  }

  /** Whether this side is measured in the session (a checkout), rather than read from a record. */
  public boolean measured() {
    return checkout != null;
  }
}
