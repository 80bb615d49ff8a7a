package dev.airlock.engine.store;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** All stores of one engine, over one H2 database. */
public record Stores(
    Keys keys,
    DefinitionStore definitions,
    InstanceStore instances,
    VariableStore variables,
    JobStore jobs,
    UserTaskStore userTasks,
    IncidentStore incidents,
    DocumentStore documents) {

  /** Creates the schema if needed and returns the stores over {@code dataSource}. */
  public static Stores open(DataSource dataSource) {
    Schema.create(dataSource);
    var jdbc = JdbcClient.create(dataSource);
    return new Stores(
        new Keys(jdbc),
        new DefinitionStore(jdbc),
        new InstanceStore(jdbc),
        new VariableStore(jdbc),
        new JobStore(jdbc),
        new UserTaskStore(jdbc),
        new IncidentStore(jdbc),
        new DocumentStore(jdbc));
  }
}
