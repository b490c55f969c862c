package io.mlpbench.results.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mlp-bench} command line. Each subcommand is its own class; to add one, write it and
 * append it to the {@code subcommands} list below (one line). Every command shares one exit-code
 * table ({@link ExitCode}) and one failure handler ({@link FailureHandler}).
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
      WorkerCommand.class,
      AutoComplete.GenerateCompletion.class,
    })
public final class MlpBenchCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = FailureHandler.VERBOSE,
      scope = ScopeType.INHERIT,
      description = "On an error, also print the stack trace.")
  boolean verbose;

  @Override
  public void run() {
    // no subcommand: show what there is rather than guessing a default job
    spec.commandLine().usage(System.out);
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    FailureHandler failures = new FailureHandler();
    CommandLine cli =
        new CommandLine(new MlpBenchCli())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(failures)
            .setParameterExceptionHandler(failures)
            .setExitCodeExceptionMapper(failures);
    showExitCodes(cli);
    return cli;
  }

  private static void showExitCodes(CommandLine cl) {
    cl.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes (every command):%n")
        .exitCodeList(FailureHandler.exitCodeList());
    cl.getSubcommands().values().forEach(MlpBenchCli::showExitCodes);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
