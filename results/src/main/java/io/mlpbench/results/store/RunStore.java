package io.mlpbench.results.store;

import io.mlpbench.results.model.RunRecord;
import java.util.List;
import java.util.Optional;

/**
 * Where run records live: files under {@code results/} by default, PostgreSQL for a fleet. Appends
 * are atomic and idempotent by run id; reading reports unreadable records instead of failing.
 */
public interface RunStore extends AutoCloseable {

  /**
   * Stores {@code run} atomically; returns false (and changes nothing) if its run id is present.
   */
  boolean append(RunRecord run);

  /** Runs matching {@code query}, oldest first, plus a note per record that could not be read. */
  ReadResult list(RunQuery query);

  /** The stored run with this id, if any. */
  default Optional<RunRecord> find(String runId) {
    return list(RunQuery.ALL).runs().stream().filter(r -> r.runId().equals(runId)).findFirst();
  }

  /** The run chosen as baseline, if any. */
  Optional<RunRecord> baseline();

  /** Makes the stored run {@code runId} the baseline. */
  void promoteBaseline(String runId);

  /** Where this store is, for messages; never includes credentials. */
  String describe();

  @Override
  default void close() {}

  /**
   * Runs read, and the records that could not be (corrupt, unknown schema), each with its reason.
   */
  record ReadResult(List<RunRecord> runs, List<String> problems) {}
}
