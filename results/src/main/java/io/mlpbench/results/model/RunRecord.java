package io.mlpbench.results.model;

import java.time.Instant;
import java.util.List;

/**
 * One completed run of the suite (timing and/or accuracy) with the environment it ran in: the unit
 * of history, baselines and comparison. Serialised as JSON; {@link #SCHEMA_VERSION} is bumped on
 * any incompatible change so readers can tell old records from unknown ones.
 *
 * @param runId unique per run (a UUID), so pushing a run twice never duplicates it
 * @param kind "accuracy", "throughput" or "both"
 */
public record RunRecord(
    int schemaVersion,
    String runId,
    Instant startedAt,
    Instant finishedAt,
    String kind,
    String note,
    EnvironmentRecord environment,
    RunSettings settings,
    List<AccuracyResult> accuracy,
    List<ThroughputResult> throughput) {

  public static final int SCHEMA_VERSION = 1;

  public RunRecord {
    accuracy = accuracy == null ? List.of() : List.copyOf(accuracy);
    throughput = throughput == null ? List.of() : List.copyOf(throughput);
  }
}
