package dev.airlock.runtime.cli;

import dev.airlock.examples.demoapp.DemoApp;
import dev.airlock.examples.demoapp.DemoAppOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the demo invoice web app alone, as a target for {@code airlock run}. */
@Command(
    name = "demo-app",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the demo invoice web app alone on 127.0.0.1 (user demo, password demo-password).",
      "The task files in examples/tasks expect it on port 8086."
    })
public final class DemoAppCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "8086",
      description = "Port on 127.0.0.1; 0 picks a free one. Defaults to ${DEFAULT-VALUE}.")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    Ports.requireValid(port, "--port");
    Ports.requireFree(port, "--port");
    DemoApp app = DemoApp.start(DemoAppOptions.defaults().withPort(port));
    System.out.printf("Demo invoice app running at %s (Ctrl-C stops it)%n", app.baseUrl());
    Shutdown.awaitSignal(app::close);
    return 0;
  }
}
