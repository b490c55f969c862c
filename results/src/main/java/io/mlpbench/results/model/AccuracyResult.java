package io.mlpbench.results.model;

import java.util.List;

/**
 * One route trained for one seed. A failed run (non-finite or diverging loss, crash) has status
 * "failed", the failing epoch and reason, and is never tabulated as a result.
 *
 * @param epochsTo97 first epoch whose test accuracy reached 0.97, or null if never
 * @param secondsTo97 training wall time (evaluation excluded) until that epoch ended, or null
 */
public record AccuracyResult(
    String route,
    String framework,
    String frameworkVersion,
    String style,
    long seed,
    String status,
    String failure,
    Integer failedEpoch,
    List<EpochResult> epochs,
    Double finalTestAccuracy,
    Integer epochsTo97,
    Double secondsTo97,
    Long peakRssBytes,
    int threads,
    double trainingSeconds) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";

  public boolean ok() {
    return OK.equals(status);
  }
}
