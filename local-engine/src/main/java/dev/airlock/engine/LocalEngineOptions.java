package dev.airlock.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Options of a {@link LocalEngine}.
 *
 * @param port TCP port of the REST API; 0 picks a free port. Defaults to 0.
 * @param host address the REST API binds to. Defaults to {@code 127.0.0.1}, so only this machine
 *     can reach the engine, which has no authentication.
 * @param dataDirectory directory of the engine's H2 database file; created when missing. Defaults
 *     to {@code .airlock/engine} under the working directory.
 */
public record LocalEngineOptions(int port, String host, Path dataDirectory) {

  public LocalEngineOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, but was " + port);
    }
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
  }

  public static LocalEngineOptions defaults() {
    return new LocalEngineOptions(0, "127.0.0.1", Path.of(".airlock", "engine"));
  }

  public LocalEngineOptions withPort(int port) {
    return new LocalEngineOptions(port, host, dataDirectory);
  }

  public LocalEngineOptions withHost(String host) {
    return new LocalEngineOptions(port, host, dataDirectory);
  }

  public LocalEngineOptions withDataDirectory(Path dataDirectory) {
    return new LocalEngineOptions(port, host, dataDirectory);
  }
}
