package io.mlpbench.results.history;

import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.RunStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared store contract against the file history, the default store. */
class FileRunStoreContractTest extends RunStoreContract {
  @Override
  protected RunStore emptyStore() throws Exception {
    Path dir = Files.createTempDirectory("mlpbench-history");
    return new FileRunStore(dir.resolve("history"), dir.resolve("baseline.json"));
  }
}
