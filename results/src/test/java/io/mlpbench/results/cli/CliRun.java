package io.mlpbench.results.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One {@code mlp-bench} invocation in this JVM, with its exit status, stdout and stderr. */
public record CliRun(int exit, String out, String err) {

  /** Runs the command line as {@code main} would (minus System.exit). */
  public static CliRun of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = MlpBenchCli.commandLine().execute(args);
      System.out.flush();
      System.err.flush();
      return new CliRun(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /**
   * The non-blank lines of stderr, without the embedded test database's own log lines (its pg_ctl
   * output is pumped to this JVM's stderr asynchronously and may land in any capture).
   */
  public List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank() && !l.contains("io.zonky.test")).toList();
  }

  /** Both streams, for assertion messages. */
  public String transcript() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
