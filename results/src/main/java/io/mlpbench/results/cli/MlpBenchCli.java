package io.mlpbench.results.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mlp-bench} command line. Each subcommand is its own class; to add one, write it and
 * append it to the {@code subcommands} list below (one line).
 */
@Command(
    name = "mlp-bench",
    mixinStandardHelpOptions = true,
    versionProvider = SuiteVersion.class,
    description = "Compares ways of training the same MLP on the JVM: speed and accuracy, fairly.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ListCommand.class,
      AccuracyCommand.class,
      ReportCommand.class,
      RunCommand.class,
      CompareCommand.class,
      AbCommand.class,
      PromoteCommand.class,
      HistoryCommand.class,
      MatrixCommand.class,
      PushCommand.class,
    })
public final class MlpBenchCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // no subcommand: show what there is rather than guessing a default job
    spec.commandLine().usage(System.out);
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new MlpBenchCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
