package dev.airlock.runtime.cli;

import dev.airlock.runtime.AirlockRuntimeApplication;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs the Airlock runtime until it is stopped. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the Airlock runtime: the Camunda connector runtime with the Airlock connector.",
      "Without a configured Camunda cluster (camunda.client.rest-address or"
          + " camunda.client.cloud.cluster-id) the local engine starts in the same process."
    })
public final class StartCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "--property=value",
      description = "Spring properties, for example --airlock.engine.port=9000.")
  String[] springArguments = new String[0];

  @Override
  public Integer call() throws InterruptedException {
    ConfigurableApplicationContext context = AirlockRuntimeApplication.start(springArguments);
    Shutdown.awaitClose(context);
    return 0;
  }
}
