package dev.airlock.runtime;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.NestedRuntimeException;
import picocli.CommandLine;

/**
 * Prints a failed command's message without a stack trace, because CLI errors are meant for the
 * user; the stack trace is printed when {@code AIRLOCK_DEBUG} is set.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    commandLine.getErr().println("airlock: " + message(exception));
    if (System.getenv("AIRLOCK_DEBUG") != null) {
      exception.printStackTrace(commandLine.getErr());
    }
    return exitCode(exception, commandLine);
  }

  /**
   * Returns the message of the failure's root cause when Spring wrapped it, because a failed
   * runtime start nests the useful message several causes deep.
   */
  private static String message(Exception exception) {
    if (exception instanceof NestedRuntimeException nested) {
      return NestedExceptionUtils.getMostSpecificCause(nested).getMessage();
    }
    return exception.getMessage();
  }

  private static int exitCode(Exception exception, CommandLine commandLine) {
    return commandLine.getExitCodeExceptionMapper() != null
        ? commandLine.getExitCodeExceptionMapper().getExitCode(exception)
        : 2;
  }
}
