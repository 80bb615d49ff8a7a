package dev.airlock.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Airlock runtime: the official Camunda connector runtime with the Airlock connector. When no
 * Camunda cluster is configured, the local engine is started in the same process.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AirlockRuntimeApplication {

  /** Starts the runtime with the given Spring arguments and returns its running context. */
  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplication(AirlockRuntimeApplication.class).run(args);
  }
}
