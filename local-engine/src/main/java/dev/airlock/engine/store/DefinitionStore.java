package dev.airlock.engine.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deployments, process definitions and forms. */
public final class DefinitionStore {

  /** One version of a deployed process. */
  public record ProcessDefinitionRow(
      long processDefinitionKey,
      String processDefinitionId,
      int version,
      String name,
      String versionTag,
      String resourceName,
      String checksum,
      String bpmnXml,
      long deploymentKey) {}

  /** One version of a deployed Camunda form. */
  public record FormRow(
      long formKey,
      String formId,
      int version,
      String resourceName,
      String checksum,
      String schemaJson,
      long deploymentKey) {}

  private final JdbcClient jdbc;

  public DefinitionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertDeployment(long deploymentKey, long createdAt) {
    jdbc.sql("INSERT INTO deployment (deployment_key, created_at) VALUES (?, ?)")
        .params(deploymentKey, createdAt)
        .update();
  }

  public void insertProcess(ProcessDefinitionRow row) {
    jdbc.sql(
            """
            INSERT INTO process_definition (process_definition_key, process_definition_id, version,
              name, version_tag, resource_name, checksum, bpmn_xml, deployment_key)
            VALUES (:processDefinitionKey, :processDefinitionId, :version, :name, :versionTag,
              :resourceName, :checksum, :bpmnXml, :deploymentKey)""")
        .paramSource(row)
        .update();
  }

  public Optional<ProcessDefinitionRow> process(long key) {
    return jdbc.sql("SELECT * FROM process_definition WHERE process_definition_key = ?")
        .param(key)
        .query(RecordRowMapper.of(ProcessDefinitionRow.class))
        .optional();
  }

  public Optional<ProcessDefinitionRow> latestProcess(String processDefinitionId) {
    return jdbc.sql(
            "SELECT * FROM process_definition WHERE process_definition_id = ?"
                + " ORDER BY version DESC LIMIT 1")
        .param(processDefinitionId)
        .query(RecordRowMapper.of(ProcessDefinitionRow.class))
        .optional();
  }

  public Optional<ProcessDefinitionRow> process(String processDefinitionId, int version) {
    return jdbc.sql(
            "SELECT * FROM process_definition WHERE process_definition_id = ? AND version = ?")
        .params(processDefinitionId, version)
        .query(RecordRowMapper.of(ProcessDefinitionRow.class))
        .optional();
  }

  public List<ProcessDefinitionRow> processes() {
    return jdbc.sql("SELECT * FROM process_definition ORDER BY process_definition_key")
        .query(RecordRowMapper.of(ProcessDefinitionRow.class))
        .list();
  }

  public void insertForm(FormRow row) {
    jdbc.sql(
            """
            INSERT INTO form (form_key, form_id, version, resource_name, checksum, schema_json,
              deployment_key)
            VALUES (:formKey, :formId, :version, :resourceName, :checksum, :schemaJson,
              :deploymentKey)""")
        .paramSource(row)
        .update();
  }

  public Optional<FormRow> form(long key) {
    return jdbc.sql("SELECT * FROM form WHERE form_key = ?")
        .param(key)
        .query(RecordRowMapper.of(FormRow.class))
        .optional();
  }

  public Optional<FormRow> latestForm(String formId) {
    return jdbc.sql("SELECT * FROM form WHERE form_id = ? ORDER BY version DESC LIMIT 1")
        .param(formId)
        .query(RecordRowMapper.of(FormRow.class))
        .optional();
  }
}
