package io.mlpbench.results.cli;

import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.StoreException;
import java.util.Optional;

/**
 * The selected store for a job that has already trained: if it cannot be opened (database down) the
 * report is still written and the run still recorded locally, and the failure is kept to be
 * reported at the end instead of losing the run.
 */
final class RecordingStore implements AutoCloseable {
  private final RunStore selected;
  private final String failure;

  private RecordingStore(RunStore selected, String failure) {
    this.selected = selected;
    this.failure = failure;
  }

  static RecordingStore open(HistoryOptions history) {
    try {
      return new RecordingStore(history.store(), null);
    } catch (StoreException e) {
      return new RecordingStore(null, e.getMessage());
    }
  }

  /** The open store, or null when it could not be opened. */
  RunStore selected() {
    return selected;
  }

  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() {
    if (selected != null) {
      selected.close();
    }
  }
}
