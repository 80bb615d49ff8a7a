package dev.airlock.engine.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Process instances and the element instances inside them. */
public final class InstanceStore {

  /** A process instance; {@code state} is ACTIVE, COMPLETED or TERMINATED. */
  public record ProcessInstanceRow(
      long processInstanceKey,
      long processDefinitionKey,
      String processDefinitionId,
      int version,
      String state,
      long startDate,
      Long endDate) {}

  /**
   * An element instance. The process instance itself is the element instance whose key equals
   * the process instance key and whose flow scope is null.
   */
  public record ElementInstanceRow(
      long elementInstanceKey,
      long processInstanceKey,
      Long flowScopeKey,
      String elementId,
      String elementType,
      String state,
      long startDate,
      Long endDate,
      Long incidentKey) {}

  private final JdbcClient jdbc;

  public InstanceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertProcessInstance(ProcessInstanceRow row) {
    jdbc.sql(
            """
            INSERT INTO process_instance (process_instance_key, process_definition_key,
              process_definition_id, version, state, start_date, end_date)
            VALUES (:processInstanceKey, :processDefinitionKey, :processDefinitionId, :version,
              :state, :startDate, :endDate)""")
        .paramSource(row)
        .update();
  }

  public Optional<ProcessInstanceRow> processInstance(long key) {
    return jdbc.sql("SELECT * FROM process_instance WHERE process_instance_key = ?")
        .param(key)
        .query(RecordRowMapper.of(ProcessInstanceRow.class))
        .optional();
  }

  public List<ProcessInstanceRow> processInstances(Long processInstanceKey) {
    if (processInstanceKey != null) {
      return processInstance(processInstanceKey).stream().toList();
    }
    return jdbc.sql("SELECT * FROM process_instance ORDER BY process_instance_key")
        .query(RecordRowMapper.of(ProcessInstanceRow.class))
        .list();
  }

  public void endProcessInstance(long key, String state, long endDate) {
    jdbc.sql("UPDATE process_instance SET state = ?, end_date = ? WHERE process_instance_key = ?")
        .params(state, endDate, key)
        .update();
  }

  public void insertElementInstance(ElementInstanceRow row) {
    jdbc.sql(
            """
            INSERT INTO element_instance (element_instance_key, process_instance_key,
              flow_scope_key, element_id, element_type, state, start_date, end_date, incident_key)
            VALUES (:elementInstanceKey, :processInstanceKey, :flowScopeKey, :elementId,
              :elementType, :state, :startDate, :endDate, :incidentKey)""")
        .paramSource(row)
        .update();
  }

  public Optional<ElementInstanceRow> elementInstance(long key) {
    return jdbc.sql("SELECT * FROM element_instance WHERE element_instance_key = ?")
        .param(key)
        .query(RecordRowMapper.of(ElementInstanceRow.class))
        .optional();
  }

  public List<ElementInstanceRow> activeChildren(long flowScopeKey) {
    return jdbc.sql(
            "SELECT * FROM element_instance WHERE flow_scope_key = ? AND state = 'ACTIVE'"
                + " ORDER BY element_instance_key")
        .param(flowScopeKey)
        .query(RecordRowMapper.of(ElementInstanceRow.class))
        .list();
  }

  public List<ElementInstanceRow> elementInstances(Long processInstanceKey) {
    if (processInstanceKey != null) {
      return jdbc.sql(
              "SELECT * FROM element_instance WHERE process_instance_key = ?"
                  + " ORDER BY element_instance_key")
          .param(processInstanceKey)
          .query(RecordRowMapper.of(ElementInstanceRow.class))
          .list();
    }
    return jdbc.sql("SELECT * FROM element_instance ORDER BY element_instance_key")
        .query(RecordRowMapper.of(ElementInstanceRow.class))
        .list();
  }

  public void endElementInstance(long key, String state, long endDate) {
    jdbc.sql(
            "UPDATE element_instance SET state = ?, end_date = ?, incident_key = NULL"
                + " WHERE element_instance_key = ?")
        .params(state, endDate, key)
        .update();
  }

  public void setIncident(long elementInstanceKey, Long incidentKey) {
    jdbc.sql("UPDATE element_instance SET incident_key = ? WHERE element_instance_key = ?")
        .params(incidentKey, elementInstanceKey)
        .update();
  }
}
