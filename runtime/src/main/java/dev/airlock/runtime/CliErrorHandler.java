package dev.airlock.runtime;

import picocli.CommandLine;

/**
 * Prints a failed command's message without a stack trace, because CLI errors are meant for the
 * user; the stack trace is printed when {@code AIRLOCK_DEBUG} is set.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    commandLine.getErr().println("airlock: " + exception.getMessage());
    if (System.getenv("AIRLOCK_DEBUG") != null) {
      exception.printStackTrace(commandLine.getErr());
    }
    return commandLine.getExitCodeExceptionMapper() != null
        ? commandLine.getExitCodeExceptionMapper().getExitCode(exception)
        : 2;
  }
}
