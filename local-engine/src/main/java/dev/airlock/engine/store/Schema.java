package dev.airlock.engine.store;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Creates the engine's tables in its H2 file; safe to run at every start. */
public final class Schema {

  private Schema() {}

  public static void create(DataSource dataSource) {
    var populator =
        new ResourceDatabasePopulator(new ClassPathResource("dev/airlock/engine/store/schema.sql"));
    populator.execute(dataSource);
  }
}
