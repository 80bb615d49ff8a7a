package dev.airlock.runtime.cli;

import dev.airlock.runtime.AirlockRuntimeApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Runs the Airlock runtime until it is stopped. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the Airlock runtime: the Camunda connector runtime with the Airlock connector.",
      "Without a configured Camunda cluster (camunda.client.rest-address or"
          + " camunda.client.cloud.cluster-id) the local engine starts in the same process.",
      "Spring properties follow as --name=value, for example --airlock.engine.port=9000."
    })
public final class StartCommand implements Callable<Integer> {

  /** Spring properties such as {@code --airlock.engine.port=9000}, passed on unchanged. */
  @Unmatched List<String> springArguments = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    ConfigurableApplicationContext context =
        AirlockRuntimeApplication.start(springArguments.toArray(String[]::new));
    Shutdown.awaitClose(context);
    return 0;
  }
}
