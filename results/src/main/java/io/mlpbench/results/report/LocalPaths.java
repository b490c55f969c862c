package io.mlpbench.results.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps absolute local paths out of a report: a report is mailed, archived and uploaded by CI, and
 * a path like {@code /home/alice/src/mlp-bench/...} says nothing to its reader but where the
 * author's disk was. Each absolute path of two or more segments becomes {@code …/<file name>}.
 */
public final class LocalPaths {
  /**
   * An absolute path: a slash not preceded by a word character, dot, slash, tilde, plus or hyphen
   * (so {@code samples/s}, {@code ../jmh.json}, URLs and base64 are left alone), then two or more
   * segments.
   */
  private static final Pattern ABSOLUTE =
      Pattern.compile("(?<![\\w.~/+\\-])/(?:[\\w.+@\\-]+/)+([\\w.+@\\-]+)");

  private LocalPaths() {}

  /** {@code text} with every absolute path replaced by {@code …/<last segment>}. */
  public static String scrub(String text) {
    Matcher m = ABSOLUTE.matcher(text);
    return m.replaceAll(r -> Matcher.quoteReplacement("…/" + r.group(1)));
  }

  /** True when {@code text} contains an absolute path that {@link #scrub} would replace. */
  public static boolean containsAbsolutePath(String text) {
    return ABSOLUTE.matcher(text).find();
  }
}
