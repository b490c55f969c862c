package io.mlpbench.results.cli;

/**
 * The one exit-code table of every {@code mlp-bench} command (also printed by {@code --help} and
 * listed in the README). Scripts and CI gates rely on these numbers: never renumber them.
 */
public enum ExitCode {
  /** The command did what was asked (and, for compare, found no regression). */
  OK(0, "success"),
  /** compare/ab: at least one confirmed regression (with --fail-on-regression). */
  REGRESSION(1, "a regression was found (--fail-on-regression)"),
  /** Bad command line: unknown option, route, value out of range (picocli's usage code). */
  USAGE(2, "usage error: bad option, value or route name"),
  /** A file or record the user gave is missing, corrupt, or of an unknown schema. */
  DATA(3, "data error: a missing, corrupt or unsupported input file or record"),
  /** Something the command depends on failed: database unreachable, a route JVM crashed. */
  INFRASTRUCTURE(4, "infrastructure error: database, network, build or a route JVM failed"),
  /** compare/ab with --fail-on-regression: nothing could be compared, so no verdict exists. */
  NOTHING_COMPARABLE(5, "nothing comparable: no row could be compared (--fail-on-regression)");

  public final int code;
  public final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The table as help text, one " code meaning" line per entry. */
  public static String table() {
    StringBuilder sb = new StringBuilder();
    for (ExitCode e : values()) {
      sb.append(String.format("  %d  %s%n", e.code, e.meaning));
    }
    return sb.toString();
  }
}
