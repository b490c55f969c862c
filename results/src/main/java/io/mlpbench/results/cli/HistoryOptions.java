package io.mlpbench.results.cli;

import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.RunStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the run history is: {@code --history-dir} (default {@code <checkout>/results/history}),
 * with the baseline beside it in {@code ../baseline.json}, and the selected {@code --store}. Shared
 * by every command that reads or records runs, so they all use the same store.
 */
final class HistoryOptions {
  @Option(
      names = "--history-dir",
      paramLabel = "<dir>",
      description =
          "Directory of run records (one JSON file per run); default <checkout>/results/history."
              + " The baseline is baseline.json in its parent directory.")
  Path historyDir;

  @Option(
      names = "--store",
      paramLabel = "<url>",
      description =
          "Run store: jdbc:postgresql://host[:port]/database for a shared fleet history (credentials"
              + " from PGUSER/PGPASSWORD or ~/.pgpass), or 'files' for the local history; default"
              + " MLPBENCH_STORE, else files.")
  String store;

  /**
   * The selected store: PostgreSQL when --store/MLPBENCH_STORE names one, else the file history.
   */
  RunStore store() {
    return RunStores.open(store, this::fileStore);
  }

  /**
   * For commands that read the file history (when no database is selected): an explicit {@code
   * --history-dir} that does not exist is a mistyped path, refused instead of listing nothing.
   */
  void requireHistoryDir() {
    if (RunStores.selected(store) == null) {
      requireLocalHistoryDir();
    }
  }

  /** As {@link #requireHistoryDir} for a command that reads the local files whatever the store. */
  void requireLocalHistoryDir() {
    if (historyDir != null && !Files.isDirectory(historyDir)) {
      throw CommandFailure.data("--history-dir: no directory at " + historyDir.toAbsolutePath());
    }
  }

  /** Refuses a bad or secret-bearing store URL before anything runs (nothing is opened). */
  void checkStore() {
    String url = RunStores.selected(store);
    if (url != null) {
      RunStores.checked(url);
    }
  }

  /** These options as arguments for another command (run passes them on to compare). */
  List<String> asArgs() {
    List<String> args = new ArrayList<>();
    if (historyDir != null) {
      args.add("--history-dir=" + historyDir);
    }
    if (store != null) {
      args.add("--store=" + store);
    }
    return args;
  }

  /** The results directory: parent of the history directory. */
  Path resultsDir() {
    return historyDir().toAbsolutePath().normalize().getParent();
  }

  Path historyDir() {
    return historyDir != null ? historyDir : defaultResultsDir().resolve(FileRunStore.HISTORY_DIR);
  }

  FileRunStore fileStore() {
    Path dir = historyDir().toAbsolutePath().normalize();
    return new FileRunStore(dir, dir.getParent().resolve(FileRunStore.BASELINE_FILE));
  }

  /** {@code <checkout>/results}, or {@code ./results} outside a checkout. */
  static Path defaultResultsDir() {
    try {
      return RouteModules.projectRoot().resolve("results");
    } catch (IllegalStateException e) {
      return Path.of("results").toAbsolutePath();
    }
  }
}
