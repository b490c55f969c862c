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

  /**
   * Opens the selected store; {@code files} supplies the file history when no URL is selected.
   *
   * @throws IllegalArgumentException for an unsupported URL or one carrying a password (a usage
   *     error: the message never contains the secret)
   * @throws StoreException when the store cannot be reached or prepared
   */
  public static RunStore open(String option, Supplier<RunStore> files) {
    String url = selected(option);
    if (url == null) {
      return files.get();
    }
    return PostgresRunStore.open(checked(url));
  }

  /**
   * The selected URL as a JDBC URL (the libpq form {@code postgresql://} accepted), after refusing
   * a password in it; validation only, nothing is opened.
   */
  public static String checked(String url) {
    if (StoreUrls.hasSecret(url)) {
      throw new IllegalArgumentException(StoreUrls.secretRefusal(url));
    }
    String jdbc = StoreUrls.userInfoAsQuery(StoreUrls.toJdbc(url));
    if (!jdbc.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "unsupported store '"
              + StoreUrls.redacted(url)
              + "': expected jdbc:postgresql://host[:port]/database, postgresql://host[:port]/database"
              + " or 'files' (the default file history)");
    }
    return jdbc;
  }
}
