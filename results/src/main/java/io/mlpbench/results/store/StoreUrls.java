package io.mlpbench.results.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Store URLs as the user types them: {@code jdbc:postgresql://host[:port]/db} or the libpq form
 * {@code postgresql://host[:port]/db}. A secret never belongs in a URL (it would end up in shell
 * history, logs and records), so a password in the user-info part or the query string is refused,
 * and every URL printed goes through {@link #redacted} first.
 */
public final class StoreUrls {
  /** {@code scheme://user-info@rest}: the user-info part ends at the last '@' before the path. */
  private static final Pattern USER_INFO =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.:-]*://)([^/?#]*)@");

  private StoreUrls() {}

  /** True when {@code url} carries a password (user-info {@code user:secret@} or query string). */
  public static boolean hasSecret(String url) {
    Matcher m = USER_INFO.matcher(url);
    if (m.find() && m.group(2).contains(":")) {
      return true;
    }
    return url.toLowerCase(Locale.ROOT).contains("password=");
  }

  /**
   * The URL safe to print: no user-info at all (a user name is not a secret but its password may be
   * glued to it) and no query string. Also applied to driver messages that may quote the URL.
   */
  public static String redacted(String url) {
    if (url == null) {
      return null;
    }
    String noUserInfo = USER_INFO.matcher(url).replaceFirst("$1");
    int q = noUserInfo.indexOf('?');
    return q < 0 ? noUserInfo : noUserInfo.substring(0, q);
  }

  /**
   * {@code text} with every occurrence of {@code url}'s secrets removed: the raw URL, its user-info
   * and its query string (drivers quote any of them in their messages).
   */
  public static String scrub(String text, String url) {
    if (text == null || url == null) {
      return text;
    }
    String out = text.replace(url, redacted(url));
    Matcher m = USER_INFO.matcher(url);
    if (m.find() && !m.group(2).isEmpty()) {
      out = out.replace(m.group(2) + "@", "").replace(m.group(2), "<redacted>");
    }
    int q = url.indexOf('?');
    if (q >= 0 && q + 1 < url.length()) {
      out = out.replace(url.substring(q + 1), "<redacted>");
    }
    return out;
  }

  /** The libpq form {@code postgresql://} or {@code postgres://} as a JDBC URL; others as given. */
  public static String toJdbc(String url) {
    if (url.startsWith("postgresql://")) {
      return "jdbc:" + url;
    }
    if (url.startsWith("postgres://")) {
      return "jdbc:postgresql://" + url.substring("postgres://".length());
    }
    return url;
  }

  /**
   * {@code scheme://user@host/db} as {@code scheme://host/db?user=user}: pgjdbc reads no user-info,
   * and a user name is no secret. Call only after {@link #hasSecret} said there is no password.
   */
  public static String userInfoAsQuery(String url) {
    Matcher m = USER_INFO.matcher(url);
    if (!m.find() || m.group(2).isEmpty()) {
      return url;
    }
    String rest = url.substring(m.end());
    return m.group(1) + rest + (rest.contains("?") ? "&" : "?") + "user=" + m.group(2);
  }

  /** The refusal message for a URL with a secret; names neither the secret nor the user-info. */
  public static String secretRefusal(String url) {
    return "the store URL "
        + redacted(url)
        + " must not contain a password (found one in its "
        + (USER_INFO.matcher(url).find() && !url.toLowerCase(Locale.ROOT).contains("password=")
            ? "user-info part, user:password@host"
            : "query string")
        + "); set PGUSER and PGPASSWORD, or use ~/.pgpass";
  }
}
