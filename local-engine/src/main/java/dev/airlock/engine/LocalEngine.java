package dev.airlock.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.airlock.engine.api.EngineWebConfiguration;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.store.Stores;
import dev.airlock.engine.ui.UiWebConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * A single-node engine that serves the part of the Camunda 8 REST API (/v2) that Airlock
 * processes use, with all state in an H2 file. It runs its own Spring application context and
 * web server, configured only by {@link LocalEngineOptions}: system properties, environment
 * variables and application properties of an embedding application do not reach it.
 *
 * <p>It is meant for one machine (demos, tests, a designer's laptop). Scale and high
 * availability are Camunda 8's job.
 */
public final class LocalEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

  private final Engine engine;
  private final HikariDataSource dataSource;
  private final AnnotationConfigServletWebServerApplicationContext context;
  private final String host;
  private final int port;

  private LocalEngine(Engine engine, HikariDataSource dataSource,
      AnnotationConfigServletWebServerApplicationContext context, String host) {
    this.engine = engine;
    this.dataSource = dataSource;
    this.context = context;
    this.host = host;
    this.port = context.getWebServer().getPort();
  }

  /** Starts an engine; throws when the data directory is unusable or the port is taken. */
  public static LocalEngine start(LocalEngineOptions options) {
    var dataSource = openDatabase(options);
    Engine engine = null;
    var context = new AnnotationConfigServletWebServerApplicationContext();
    try {
      engine = new Engine(Stores.open(dataSource),
          new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
      var ready = engine;
      context.setEnvironment(environment(options));
      context.registerBean(Engine.class, () -> ready);
      context.register(EngineWebConfiguration.class, UiWebConfiguration.class);
      context.refresh();
    } catch (RuntimeException e) {
      if (engine != null) {
        engine.close();
      }
      context.close();
      dataSource.close();
      throw new IllegalStateException("Could not start the local engine on " + options.host()
          + ":" + options.port() + " with data directory " + options.dataDirectory()
          + ": " + e.getMessage(), e);
    }
    var started = new LocalEngine(engine, dataSource, context, options.host());
    LOG.info("Local engine started: REST API at {}/v2, UI at {} (data in {})",
        started.restAddress(), started.uiAddress(), options.dataDirectory().toAbsolutePath());
    LOG.warn("The local engine is a single-node engine for one machine: no clustering, no high"
        + " availability, no authentication. Use Camunda 8 for production.");
    return started;
  }

  /** Returns the address to give camunda-client-java as its REST address (it appends /v2). */
  public URI restAddress() {
    var uriHost = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + uriHost + ":" + port);
  }

  /** Returns the address of the task list and history UI in a browser. */
  public URI uiAddress() {
    return URI.create(restAddress() + "/");
  }

  public int port() {
    return port;
  }

  /** Stops the web server and closes the database; state stays in the data directory. */
  @Override
  public void close() {
    engine.close();
    context.close();
    dataSource.close();
    LOG.info("Local engine on port {} stopped", port);
  }

  private static HikariDataSource openDatabase(LocalEngineOptions options) {
    try {
      Files.createDirectories(options.dataDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the data directory "
          + options.dataDirectory() + "; check its path and permissions", e);
    }
    var file = options.dataDirectory().toAbsolutePath().resolve("engine");
    var config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(8);
    config.setPoolName("airlock-local-engine");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Could not open the engine database " + file
          + ".mv.db; if another engine uses this data directory, stop it or choose another"
          + " directory", e);
    }
  }

  private static StandardServletEnvironment environment(LocalEngineOptions options) {
    var environment = new StandardServletEnvironment();
    var sources = environment.getPropertySources();
    sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    var properties = new HashMap<String, Object>();
    properties.put("server.port", options.port());
    properties.put("server.address", options.host());
    properties.put("spring.web.resources.add-mappings", false);
    properties.put("spring.jackson.default-property-inclusion", "non_null");
    properties.put("spring.servlet.multipart.max-file-size", "200MB");
    properties.put("spring.servlet.multipart.max-request-size", "200MB");
    sources.addFirst(new MapPropertySource("airlockLocalEngine", properties));
    return environment;
  }
}
