package dev.airlock.engine.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Incidents: failures that stop a process instance until someone resolves them. */
public final class IncidentStore {

  /**
   * An incident. {@code retryStep} says what resolving it retries: JOB (make the job activatable
   * again), ACTIVATE or COMPLETE (run that step of the element instance again).
   */
  public record IncidentRow(
      long incidentKey,
      long processInstanceKey,
      long processDefinitionKey,
      String processDefinitionId,
      long elementInstanceKey,
      String elementId,
      Long jobKey,
      String errorType,
      String errorMessage,
      String retryStep,
      String state,
      long creationTime,
      Long resolvedTime) {}

  private final JdbcClient jdbc;

  public IncidentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(IncidentRow row) {
    jdbc.sql(
            """
            INSERT INTO incident (incident_key, process_instance_key, process_definition_key,
              process_definition_id, element_instance_key, element_id, job_key, error_type,
              error_message, retry_step, state, creation_time, resolved_time)
            VALUES (:incidentKey, :processInstanceKey, :processDefinitionKey,
              :processDefinitionId, :elementInstanceKey, :elementId, :jobKey, :errorType,
              :errorMessage, :retryStep, :state, :creationTime, :resolvedTime)""")
        .paramSource(row)
        .update();
  }

  public Optional<IncidentRow> find(long incidentKey) {
    return jdbc.sql("SELECT * FROM incident WHERE incident_key = ?")
        .param(incidentKey)
        .query(RecordRowMapper.of(IncidentRow.class))
        .optional();
  }

  public List<IncidentRow> activeOf(long elementInstanceKey) {
    return jdbc.sql("SELECT * FROM incident WHERE element_instance_key = ? AND state = 'ACTIVE'")
        .param(elementInstanceKey)
        .query(RecordRowMapper.of(IncidentRow.class))
        .list();
  }

  public boolean hasActive(long processInstanceKey) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM incident WHERE process_instance_key = ? AND state = 'ACTIVE'")
        .param(processInstanceKey)
        .query(Long.class)
        .single()
        > 0;
  }

  public void resolve(long incidentKey, long resolvedTime) {
    jdbc.sql("UPDATE incident SET state = 'RESOLVED', resolved_time = ? WHERE incident_key = ?")
        .params(resolvedTime, incidentKey)
        .update();
  }

  public List<IncidentRow> incidents(Long processInstanceKey) {
    if (processInstanceKey != null) {
      return jdbc.sql(
              "SELECT * FROM incident WHERE process_instance_key = ? ORDER BY incident_key")
          .param(processInstanceKey)
          .query(RecordRowMapper.of(IncidentRow.class))
          .list();
    }
    return jdbc.sql("SELECT * FROM incident ORDER BY incident_key")
        .query(RecordRowMapper.of(IncidentRow.class))
        .list();
  }
}
