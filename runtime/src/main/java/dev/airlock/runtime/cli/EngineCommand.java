package dev.airlock.runtime.cli;

import dev.airlock.engine.LocalEngine;
import dev.airlock.engine.LocalEngineOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the local engine alone, without the connector runtime. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = "Starts the local engine alone: the Camunda 8 REST API, task list and history.")
public final class EngineCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "8088",
      description = "Port of the REST API and UI on 127.0.0.1. Defaults to ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--data",
      defaultValue = ".airlock/engine",
      description = "Folder of the engine's database file. Defaults to ${DEFAULT-VALUE}.")
  Path dataDirectory;

  @Override
  public Integer call() throws InterruptedException {
    Ports.requireValid(port, "--port");
    Ports.requireFree(port, "--port");
    LocalEngine engine =
        LocalEngine.start(
            LocalEngineOptions.defaults().withPort(port).withDataDirectory(dataDirectory));
    System.out.printf(
        "Local engine running: REST API %s/v2, task list %s/ (Ctrl-C stops it)%n",
        engine.restAddress(), engine.restAddress());
    Shutdown.awaitSignal(engine::close);
    return 0;
  }
}
