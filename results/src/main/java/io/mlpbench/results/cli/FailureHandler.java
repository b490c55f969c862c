package io.mlpbench.results.cli;

import io.mlpbench.results.store.CorruptRecordException;
import io.mlpbench.results.store.InvalidRecordException;
import io.mlpbench.results.store.StoreException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure of every command into one line on stderr ({@code mlp-bench <command>: <what
 * is wrong>}) and an {@link ExitCode}; the stack trace only with {@code --verbose}. One place, so
 * no command can leak a stack trace or invent its own exit status.
 */
final class FailureHandler
    implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {
  static final String VERBOSE = "--verbose";

  /** The exit code for a failure; anything unexpected counts as the infrastructure failing. */
  static ExitCode classify(Throwable t) {
    if (t instanceof CommandFailure f) {
      return f.code;
    }
    if (t instanceof ParameterException || t instanceof IllegalArgumentException) {
      return ExitCode.USAGE;
    }
    if (t instanceof CorruptRecordException || t instanceof InvalidRecordException) {
      return ExitCode.DATA;
    }
    // a store, the file system, a route JVM, or a bug: what the command depends on failed
    return ExitCode.INFRASTRUCTURE;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    report(
        commandLine,
        ex,
        parseResult != null && parseResult.expandedArgs().contains(VERBOSE),
        message(ex));
    return classify(ex).code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    report(
        cl,
        ex,
        Arrays.asList(args).contains(VERBOSE),
        ex.getMessage() + " (see `" + cl.getCommandSpec().qualifiedName() + " --help`)");
    return ExitCode.USAGE.code;
  }

  @Override
  public int getExitCode(Throwable exception) {
    return classify(exception).code;
  }

  private static void report(CommandLine cl, Throwable ex, boolean verbose, String line) {
    PrintWriter err = cl.getErr();
    err.println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(line));
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
  }

  /** The exception's own message; a bare exception (no message) is named by its type instead. */
  private static String message(Throwable ex) {
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      return ex.getClass().getSimpleName() + " (run with " + VERBOSE + " for the stack trace)";
    }
    return ex instanceof CommandFailure
            || ex instanceof IllegalArgumentException
            || ex instanceof StoreException
        ? m
        : m + " (" + ex.getClass().getSimpleName() + "; " + VERBOSE + " for the stack trace)";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " | ").strip();
  }

  /** The exit-code table as picocli's help section: code -> meaning. */
  static Map<String, String> exitCodeList() {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode e : ExitCode.values()) {
      list.put(Integer.toString(e.code), e.meaning);
    }
    return list;
  }
}
