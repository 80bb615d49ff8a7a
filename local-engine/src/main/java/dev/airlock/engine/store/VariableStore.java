package dev.airlock.engine.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Current variable values per scope, and every change to them. */
public final class VariableStore {

  /** The current value of one variable, as JSON text. */
  public record VariableRow(
      long variableKey, long scopeKey, long processInstanceKey, String name, String valueJson) {}

  /** One recorded change: the value a variable got at {@code changedAt}. */
  public record VariableChangeRow(
      long changeKey,
      long variableKey,
      long scopeKey,
      long processInstanceKey,
      String name,
      String valueJson,
      long changedAt) {}

  private final JdbcClient jdbc;

  public VariableStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<VariableRow> local(long scopeKey) {
    return jdbc.sql("SELECT * FROM variable WHERE scope_key = ? ORDER BY variable_key")
        .param(scopeKey)
        .query(RecordRowMapper.of(VariableRow.class))
        .list();
  }

  public Optional<VariableRow> find(long scopeKey, String name) {
    return jdbc.sql("SELECT * FROM variable WHERE scope_key = ? AND name = ?")
        .params(scopeKey, name)
        .query(RecordRowMapper.of(VariableRow.class))
        .optional();
  }

  public Optional<VariableRow> find(long variableKey) {
    return jdbc.sql("SELECT * FROM variable WHERE variable_key = ?")
        .param(variableKey)
        .query(RecordRowMapper.of(VariableRow.class))
        .optional();
  }

  public List<VariableRow> variables(Long processInstanceKey) {
    if (processInstanceKey != null) {
      return jdbc.sql(
              "SELECT * FROM variable WHERE process_instance_key = ? ORDER BY variable_key")
          .param(processInstanceKey)
          .query(RecordRowMapper.of(VariableRow.class))
          .list();
    }
    return jdbc.sql("SELECT * FROM variable ORDER BY variable_key").query(RecordRowMapper.of(VariableRow.class)).list();
  }

  public void insert(VariableRow row) {
    jdbc.sql(
            """
            INSERT INTO variable (variable_key, scope_key, process_instance_key, name, value_json)
            VALUES (:variableKey, :scopeKey, :processInstanceKey, :name, :valueJson)""")
        .paramSource(row)
        .update();
  }

  public void updateValue(long variableKey, String valueJson) {
    jdbc.sql("UPDATE variable SET value_json = ? WHERE variable_key = ?")
        .params(valueJson, variableKey)
        .update();
  }

  public void insertChange(VariableChangeRow row) {
    jdbc.sql(
            """
            INSERT INTO variable_change (change_key, variable_key, scope_key, process_instance_key,
              name, value_json, changed_at)
            VALUES (:changeKey, :variableKey, :scopeKey, :processInstanceKey, :name, :valueJson,
              :changedAt)""")
        .paramSource(row)
        .update();
  }

  public List<VariableChangeRow> changes(long processInstanceKey) {
    return jdbc.sql(
            "SELECT * FROM variable_change WHERE process_instance_key = ? ORDER BY change_key")
        .param(processInstanceKey)
        .query(RecordRowMapper.of(VariableChangeRow.class))
        .list();
  }
}
