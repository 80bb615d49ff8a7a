package dev.airlock.runtime;

import dev.airlock.runtime.cli.ApproveCommand;
import dev.airlock.runtime.cli.DemoAppCommand;
import dev.airlock.runtime.cli.DemoCommand;
import dev.airlock.runtime.cli.DurationConverter;
import dev.airlock.runtime.cli.EngineCommand;
import dev.airlock.runtime.cli.RunCommand;
import dev.airlock.runtime.cli.StartCommand;
import dev.airlock.runtime.cli.VerifyCommand;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code airlock} command line. */
@Command(
    name = "airlock",
    mixinStandardHelpOptions = true,
    versionProvider = AirlockVersion.class,
    description = "Governed browser automation for Camunda 8.",
    footer = {
      "",
      "The launcher also has './airlock test', which installs or checks the system packages the"
          + " tests need and runs every test."
    },
    subcommands = {
      StartCommand.class,
      DemoCommand.class,
      DemoAppCommand.class,
      ApproveCommand.class,
      EngineCommand.class,
      RunCommand.class,
      VerifyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AirlockCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Builds the command line with the error handlers every subcommand shares. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new AirlockCli()).setExecutionExceptionHandler(new CliErrorHandler());
    commandLine.registerConverter(Duration.class, new DurationConverter());
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
