package io.mlpbench.results.store;

import io.mlpbench.results.store.pg.PostgresRunStore;
import java.util.function.Supplier;

/**
 * Chooses the run store from {@code --store} or {@code MLPBENCH_STORE}: a {@code jdbc:postgresql:}
 * URL selects the fleet's PostgreSQL, anything else (or nothing) the file history, the default.
 */
public final class RunStores {
  public static final String ENVIRONMENT_VARIABLE = "MLPBENCH_STORE";

  private RunStores() {}

  /** The store URL given by option or environment, or null for the file history. */
  public static String selected(String option) {
    String value =
        option != null && !option.isBlank() ? option : System.getenv(ENVIRONMENT_VARIABLE);
    return value == null || value.isBlank() || value.equals("files") ? null : value.trim();
  }

  /** Opens the selected store; {@code files} supplies the file history when no URL is selected. */
  public static RunStore open(String option, Supplier<RunStore> files) {
    String url = selected(option);
    if (url == null) {
      return files.get();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return PostgresRunStore.open(url);
    }
    throw new IllegalArgumentException(
        "unsupported store '"
            + url.replaceAll("\\?.*", "")
            + "': expected jdbc:postgresql://host[:port]/database"
            + " or 'files' (the default file history)");
  }
}
