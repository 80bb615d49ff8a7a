package dev.airlock.runtime.engine;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * Settings of the embedded local engine, read before the application context exists.
 *
 * @param enabled whether to start the local engine; {@code null} starts it when no Camunda
 *     cluster is configured
 * @param host the address the engine's REST API binds to
 * @param port the engine's REST API port, 0 for any free port
 * @param dataDirectory the folder that contains the engine's database file
 */
public record EmbeddedEngineProperties(Boolean enabled, String host, int port, Path dataDirectory) {

  static final String PREFIX = "airlock.engine.";

  /** Reads the {@code airlock.engine.*} properties, with defaults for those not set. */
  public static EmbeddedEngineProperties from(Environment environment) {
    return new EmbeddedEngineProperties(
        environment.getProperty(PREFIX + "enabled", Boolean.class),
        environment.getProperty(PREFIX + "host", "127.0.0.1"),
        environment.getProperty(PREFIX + "port", Integer.class, 8088),
        Path.of(environment.getProperty(PREFIX + "data-directory", ".airlock/engine")));
  }
}
