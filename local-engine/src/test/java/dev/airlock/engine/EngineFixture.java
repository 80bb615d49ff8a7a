package dev.airlock.engine;

import io.camunda.client.CamundaClient;
import java.nio.file.Path;

/** Starts a local engine on a free port over a data directory, with a real Camunda client. */
final class EngineFixture implements AutoCloseable {

  private final Path dataDirectory;
  private LocalEngine engine;
  private CamundaClient client;

  EngineFixture(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    start();
  }

  void start() {
    engine = LocalEngine.start(LocalEngineOptions.defaults().withDataDirectory(dataDirectory));
    client = CamundaClient.newClientBuilder()
        .restAddress(engine.restAddress())
        .preferRestOverGrpc(true)
        .build();
  }

  void restart() {
    stop();
    start();
  }

  /** Stops the engine first, so that the client's open long polls return at once. */
  void stop() {
    engine.close();
    client.close();
  }

  LocalEngine engine() {
    return engine;
  }

  CamundaClient client() {
    return client;
  }

  @Override
  public void close() {
    stop();
  }
}
