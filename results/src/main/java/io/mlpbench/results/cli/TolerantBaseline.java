package io.mlpbench.results.cli;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.CorruptRecordException;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import java.util.Optional;

/**
 * A store whose corrupt baseline reads as "no baseline" (the problem kept for the user), so one bad
 * {@code baseline.json} never stops {@code compare} from checking the newest run against the recent
 * history. A store that cannot be reached still fails: that is not a bad file.
 */
final class TolerantBaseline implements RunStore {
  private final RunStore store;
  private String baselineProblem;

  TolerantBaseline(RunStore store) {
    this.store = store;
  }

  /** Why the baseline could not be read, if it could not. */
  Optional<String> baselineProblem() {
    return Optional.ofNullable(baselineProblem);
  }

  @Override
  public Optional<RunRecord> baseline() {
    try {
      return store.baseline();
    } catch (CorruptRecordException e) {
      baselineProblem = e.getMessage();
      return Optional.empty();
    }
  }

  @Override
  public boolean append(RunRecord run) {
    return store.append(run);
  }

  @Override
  public ReadResult list(RunQuery query) {
    return store.list(query);
  }

  @Override
  public Optional<RunRecord> find(String runId) {
    return store.find(runId);
  }

  @Override
  public void promoteBaseline(String runId) {
    store.promoteBaseline(runId);
  }

  @Override
  public String describe() {
    return store.describe();
  }
}
