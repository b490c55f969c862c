package io.mlpbench.results.cli;

/**
 * A command stopped for a reason the user can act on: the message is the one line printed, the code
 * the exit status. Thrown by commands; mapped by {@link FailureHandler}.
 */
final class CommandFailure extends RuntimeException {
  final ExitCode code;

  CommandFailure(ExitCode code, String message) {
    super(message);
    this.code = code;
  }

  CommandFailure(ExitCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  static CommandFailure usage(String message) {
    return new CommandFailure(ExitCode.USAGE, message);
  }

  static CommandFailure data(String message) {
    return new CommandFailure(ExitCode.DATA, message);
  }
}
