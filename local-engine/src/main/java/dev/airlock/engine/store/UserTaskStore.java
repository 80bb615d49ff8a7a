package dev.airlock.engine.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** User tasks, including who completed them and when. */
public final class UserTaskStore {

  /**
   * A user task. {@code state} is CREATED, COMPLETED or CANCELED; {@code completedBy} is the
   * assignee at the moment of completion. Candidate lists and headers are JSON text.
   */
  public record UserTaskRow(
      long userTaskKey,
      long elementInstanceKey,
      long processInstanceKey,
      long processDefinitionKey,
      String processDefinitionId,
      int version,
      String elementId,
      String name,
      String state,
      String assignee,
      String candidateGroups,
      String candidateUsers,
      Long formKey,
      String externalFormReference,
      String customHeaders,
      int priority,
      String dueDate,
      String followUpDate,
      long creationDate,
      Long completionDate,
      String completedBy,
      String completionAction) {

    /** Returns this task with its mutable columns replaced. */
    public UserTaskRow with(String state, String assignee, Long completionDate,
        String completedBy, String completionAction) {
      return new UserTaskRow(userTaskKey, elementInstanceKey, processInstanceKey,
          processDefinitionKey, processDefinitionId, version, elementId, name, state, assignee,
          candidateGroups, candidateUsers, formKey, externalFormReference, customHeaders,
          priority, dueDate, followUpDate, creationDate, completionDate, completedBy,
          completionAction);
    }
  }

  private final JdbcClient jdbc;

  public UserTaskStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UserTaskRow row) {
    jdbc.sql(
            """
            INSERT INTO user_task (user_task_key, element_instance_key, process_instance_key,
              process_definition_key, process_definition_id, version, element_id, name, state,
              assignee, candidate_groups, candidate_users, form_key, external_form_reference,
              custom_headers, priority, due_date, follow_up_date, creation_date, completion_date,
              completed_by, completion_action)
            VALUES (:userTaskKey, :elementInstanceKey, :processInstanceKey,
              :processDefinitionKey, :processDefinitionId, :version, :elementId, :name, :state,
              :assignee, :candidateGroups, :candidateUsers, :formKey, :externalFormReference,
              :customHeaders, :priority, :dueDate, :followUpDate, :creationDate, :completionDate,
              :completedBy, :completionAction)""")
        .paramSource(row)
        .update();
  }

  /** Replaces the mutable columns of a user task with those of {@code row}. */
  public void update(UserTaskRow row) {
    jdbc.sql(
            """
            UPDATE user_task SET state = :state, assignee = :assignee,
              completion_date = :completionDate, completed_by = :completedBy,
              completion_action = :completionAction
            WHERE user_task_key = :userTaskKey""")
        .paramSource(row)
        .update();
  }

  public Optional<UserTaskRow> find(long userTaskKey) {
    return jdbc.sql("SELECT * FROM user_task WHERE user_task_key = ?")
        .param(userTaskKey)
        .query(RecordRowMapper.of(UserTaskRow.class))
        .optional();
  }

  public Optional<UserTaskRow> openTaskOf(long elementInstanceKey) {
    return jdbc.sql("SELECT * FROM user_task WHERE element_instance_key = ? AND state = 'CREATED'")
        .param(elementInstanceKey)
        .query(RecordRowMapper.of(UserTaskRow.class))
        .optional();
  }

  public List<UserTaskRow> userTasks(Long processInstanceKey) {
    if (processInstanceKey != null) {
      return jdbc.sql(
              "SELECT * FROM user_task WHERE process_instance_key = ? ORDER BY user_task_key")
          .param(processInstanceKey)
          .query(RecordRowMapper.of(UserTaskRow.class))
          .list();
    }
    return jdbc.sql("SELECT * FROM user_task ORDER BY user_task_key")
        .query(RecordRowMapper.of(UserTaskRow.class))
        .list();
  }
}
