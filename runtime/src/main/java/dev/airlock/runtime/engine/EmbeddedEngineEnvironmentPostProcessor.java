package dev.airlock.runtime.engine;

import dev.airlock.engine.LocalEngine;
import dev.airlock.engine.LocalEngineOptions;
import dev.airlock.runtime.AirlockRuntimeApplication;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the local engine before the Airlock runtime's context is created when no Camunda cluster
 * is configured, and points the Camunda client at it.
 *
 * <p>It acts only for {@link AirlockRuntimeApplication}: the local engine runs its own Spring
 * application, which passes through this post-processor too.
 */
public final class EmbeddedEngineEnvironmentPostProcessor implements EnvironmentPostProcessor {

  private final Log log;

  /**
   * Creates the post-processor with a log that Spring Boot replays once logging is set up,
   * because this runs before that.
   */
  public EmbeddedEngineEnvironmentPostProcessor(DeferredLogFactory logFactory) {
    this.log = logFactory.getLog(EmbeddedEngineEnvironmentPostProcessor.class);
  }

  /** Properties whose presence means a Camunda cluster is configured. */
  static final List<String> CLUSTER_PROPERTIES =
      List.of(
          "camunda.client.rest-address",
          "camunda.client.grpc-address",
          "camunda.client.cloud.cluster-id");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!application.getAllSources().contains(AirlockRuntimeApplication.class)) {
      return;
    }
    EmbeddedEngineProperties properties = EmbeddedEngineProperties.from(environment);
    if (!shouldStart(properties, environment)) {
      log.info("Using the configured Camunda cluster; the local engine is not started");
      return;
    }

    LocalEngine engine = LocalEngine.start(options(properties));
    application.addInitializers(registerForShutdown(engine));
    environment.getPropertySources().addFirst(clientProperties(engine));
    log.info(
        "Started the embedded local engine at "
            + engine.restAddress()
            + " (data in "
            + properties.dataDirectory().toAbsolutePath()
            + "). It is a single-node engine for one machine, without clustering, high availability"
            + " or authentication; connect the runtime to Camunda 8 for production.");
  }

  private static boolean shouldStart(
      EmbeddedEngineProperties properties, ConfigurableEnvironment environment) {
    if (properties.enabled() != null) {
      return properties.enabled();
    }
    return CLUSTER_PROPERTIES.stream().noneMatch(environment::containsProperty);
  }

  private static LocalEngineOptions options(EmbeddedEngineProperties properties) {
    return LocalEngineOptions.defaults()
        .withHost(properties.host())
        .withPort(properties.port())
        .withDataDirectory(properties.dataDirectory());
  }

  private static MapPropertySource clientProperties(LocalEngine engine) {
    String address = engine.restAddress().toString();
    return new MapPropertySource(
        "airlockEmbeddedEngine",
        Map.of(
            "camunda.client.mode", "self-managed",
            "camunda.client.rest-address", address,
            "camunda.client.prefer-rest-over-grpc", "true",
            "camunda.client.auth.method", "none",
            "airlock.engine.rest-address", address));
  }

  /**
   * Registers the engine as the context's first bean, so that Spring closes it last: after the
   * job workers, which would otherwise poll an engine that is gone.
   */
  private static ApplicationContextInitializer<ConfigurableApplicationContext> registerForShutdown(
      LocalEngine engine) {
    return context -> {
      if (context instanceof GenericApplicationContext generic) {
        generic.registerBean("airlockLocalEngine", LocalEngine.class, () -> engine);
      } else {
        context.addApplicationListener(
            event -> {
              if (event instanceof ContextClosedEvent) {
                engine.close();
              }
            });
      }
    };
  }
}
