package io.mlpbench.results.store.pg;

import io.mlpbench.results.store.StoreUrls;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Connection credentials, from the environment only: {@code PGUSER}/{@code PGPASSWORD}, or, when no
 * password is set, the driver's own {@code ~/.pgpass} lookup (pgjdbc reads it, honouring {@code
 * PGPASSFILE}). A URL carrying a password is refused, so a secret never sits in a command line, a
 * shell history or a log.
 */
final class PostgresCredentials {
  private PostgresCredentials() {}

  static Properties from(String jdbcUrl, Map<String, String> env) {
    if (StoreUrls.hasSecret(jdbcUrl)) {
      throw new IllegalArgumentException(StoreUrls.secretRefusal(jdbcUrl));
    }
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    Properties props = new Properties();
    String user = env.get("PGUSER");
    if (user != null && !user.isBlank() && !lower.contains("user=")) {
      props.setProperty("user", user);
    }
    String password = env.get("PGPASSWORD");
    if (password != null && !password.isEmpty()) {
      props.setProperty("password", password);
    }
    return props;
  }

  /** The URL without user-info and query string: safe to print (hosts and database only). */
  static String redacted(String jdbcUrl) {
    return StoreUrls.redacted(jdbcUrl);
  }
}
