package dev.airlock.engine.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Jobs of service tasks. */
public final class JobStore {

  /**
   * A job. {@code state} is ACTIVATABLE, ACTIVATED, FAILED (no retries left), ERROR_THROWN,
   * COMPLETED or CANCELED. Times are epoch milliseconds.
   */
  public record JobRow(
      long jobKey,
      String type,
      String state,
      int retries,
      String worker,
      Long deadline,
      Long backoffUntil,
      String errorCode,
      String errorMessage,
      String customHeaders,
      long processInstanceKey,
      long elementInstanceKey,
      String elementId,
      long processDefinitionKey,
      String processDefinitionId,
      int version,
      Long endTime) {

    /** Returns this job with its mutable columns replaced. */
    public JobRow with(String state, int retries, String worker, Long deadline, Long backoffUntil,
        String errorCode, String errorMessage, Long endTime) {
      return new JobRow(jobKey, type, state, retries, worker, deadline, backoffUntil, errorCode,
          errorMessage, customHeaders, processInstanceKey, elementInstanceKey, elementId,
          processDefinitionKey, processDefinitionId, version, endTime);
    }
  }

  private final JdbcClient jdbc;

  public JobStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(JobRow row) {
    jdbc.sql(
            """
            INSERT INTO job (job_key, type, state, retries, worker, deadline, backoff_until,
              error_code, error_message, custom_headers, process_instance_key,
              element_instance_key, element_id, process_definition_key, process_definition_id,
              version, end_time)
            VALUES (:jobKey, :type, :state, :retries, :worker, :deadline, :backoffUntil,
              :errorCode, :errorMessage, :customHeaders, :processInstanceKey,
              :elementInstanceKey, :elementId, :processDefinitionKey, :processDefinitionId,
              :version, :endTime)""")
        .paramSource(row)
        .update();
  }

  /** Replaces the mutable columns of a job with those of {@code row}. */
  public void update(JobRow row) {
    jdbc.sql(
            """
            UPDATE job SET state = :state, retries = :retries, worker = :worker,
              deadline = :deadline, backoff_until = :backoffUntil, error_code = :errorCode,
              error_message = :errorMessage, end_time = :endTime
            WHERE job_key = :jobKey""")
        .paramSource(row)
        .update();
  }

  public Optional<JobRow> find(long jobKey) {
    return jdbc.sql("SELECT * FROM job WHERE job_key = ?")
        .param(jobKey)
        .query(RecordRowMapper.of(JobRow.class))
        .optional();
  }

  /**
   * Returns jobs of {@code type} that a worker may take at {@code now}: activatable ones whose
   * retry backoff has passed, and activated ones whose deadline has passed (timed out).
   */
  public List<JobRow> activatable(String type, long now, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM job WHERE type = :type AND (
              (state = 'ACTIVATABLE' AND (backoff_until IS NULL OR backoff_until <= :now))
              OR (state = 'ACTIVATED' AND deadline <= :now))
            ORDER BY job_key LIMIT :limit""")
        .param("type", type)
        .param("now", now)
        .param("limit", limit)
        .query(RecordRowMapper.of(JobRow.class))
        .list();
  }

  public Optional<JobRow> openJobOf(long elementInstanceKey) {
    return jdbc.sql(
            "SELECT * FROM job WHERE element_instance_key = ?"
                + " AND state IN ('ACTIVATABLE', 'ACTIVATED', 'FAILED', 'ERROR_THROWN')")
        .param(elementInstanceKey)
        .query(RecordRowMapper.of(JobRow.class))
        .optional();
  }

  public List<JobRow> jobs(Long processInstanceKey) {
    if (processInstanceKey != null) {
      return jdbc.sql("SELECT * FROM job WHERE process_instance_key = ? ORDER BY job_key")
          .param(processInstanceKey)
          .query(RecordRowMapper.of(JobRow.class))
          .list();
    }
    return jdbc.sql("SELECT * FROM job ORDER BY job_key").query(RecordRowMapper.of(JobRow.class)).list();
  }
}
