package io.mlpbench.results.store;

import io.mlpbench.results.history.FileRunStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared store contract against the default file history. */
class FileRunStoreContractTest extends RunStoreContract {
  @TempDir Path dir;
  private int stores;

  @Override
  protected RunStore emptyStore() {
    return new FileRunStore(dir.resolve("results-" + stores++));
  }
}
