package dev.airlock.camunda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.identity.AgentIdentity;
import dev.airlock.policy.Approval;
import dev.airlock.policy.ApprovalSigner;
import dev.airlock.policy.ApprovalVerifier;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mints approvals from what the engine records about completed approval user tasks, read with the
 * Camunda client. Nothing the automation writes is trusted: the approver is the user task's
 * assignee and the decision time its completion date, both recorded by the engine, and the decision
 * and fingerprint are variables local to the user task's own scope.
 *
 * <p>An approval user task is a completed user task of the same process instance whose scope has
 * the local input {@value #FINGERPRINT} and, after completion, the local variable {@value
 * #DECISION} ({@code APPROVED} or {@code REJECTED}). The local variable stays local only when the
 * user task has output mappings, as in bpmn-templates/approval-checkpoint.bpmn.
 *
 * <p>NOTE: a designer could also map {@value #DECISION} as an input of the user task, which would
 * make it a value the process wrote rather than the approver. The approval checkpoint pattern never
 * does this, and docs/process-designer.md warns against it.
 */
public final class CamundaApprovalCollector implements ApprovalSource {

  public static final String FINGERPRINT = "airlockFingerprint";
  public static final String ACTION_EXPIRES_AT = "airlockActionExpiresAt";
  public static final String DECISION = "decision";

  private static final Logger log = LoggerFactory.getLogger(CamundaApprovalCollector.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE_SIZE = 100;

  private final CamundaClient client;
  private final ApprovalSigner signer;

  public CamundaApprovalCollector(CamundaClient client, ApprovalSigner signer) {
    this.client = client;
    this.signer = signer;
  }

  @Override
  public List<Approval> approvals(long processInstanceKey, AgentIdentity identity, Duration validity) {
    List<Approval> approvals = new ArrayList<>();
    for (UserTask task : completedUserTasks(processInstanceKey)) {
      Map<String, String> local = localVariables(processInstanceKey, task.getElementInstanceKey());
      if (local.containsKey(FINGERPRINT)) {
        mint(processInstanceKey, task, local, identity, validity).ifPresent(approvals::add);
      }
    }
    log.debug(
        "Found {} approval decisions in process instance {} for agent identity {}",
        approvals.size(), processInstanceKey, identity.id());
    return approvals;
  }

  private Optional<Approval> mint(
      long processInstanceKey,
      UserTask task,
      Map<String, String> local,
      AgentIdentity identity,
      Duration validity) {
    String approver = task.getAssignee();
    String decision = local.get(DECISION);
    if (approver == null || approver.isBlank() || task.getCompletionDate() == null) {
      log.warn(
          "Ignoring approval user task {} of process instance {}: the engine recorded no assignee"
              + " or completion date",
          task.getUserTaskKey(), processInstanceKey);
      return Optional.empty();
    }
    if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
      log.warn(
          "Ignoring approval user task {} of process instance {}: its local variable '{}' is {}"
              + " instead of APPROVED or REJECTED",
          task.getUserTaskKey(), processInstanceKey, DECISION, decision);
      return Optional.empty();
    }
    if (ApprovalVerifier.samePerson(approver, identity.id()) || ApprovalVerifier.samePerson(approver, identity.owner())) {
      log.warn(
          "Ignoring the decision of user task {} in process instance {}: approver {} is agent"
              + " identity {} or its owner",
          task.getUserTaskKey(), processInstanceKey, approver, identity.id());
      return Optional.empty();
    }
    Instant decidedAt = task.getCompletionDate().toInstant();
    Duration effectiveValidity = validity(decidedAt, validity, local.get(ACTION_EXPIRES_AT));
    return Optional.of(
        signer.sign(
            Long.toString(processInstanceKey), local.get(FINGERPRINT), decision, approver, decidedAt, effectiveValidity));
  }

  /**
   * Returns how long a decision stays valid: {@code validity}, shortened to the pending action's
   * own expiry when that comes first. A decision made after that expiry gets zero validity, so
   * verification rejects it as expired.
   */
  private static Duration validity(Instant decidedAt, Duration validity, String actionExpiresAt) {
    if (actionExpiresAt == null) {
      return validity;
    }
    try {
      Duration untilActionExpiry = Duration.between(decidedAt, Instant.parse(actionExpiresAt));
      if (untilActionExpiry.isNegative()) {
        return Duration.ZERO;
      }
      return untilActionExpiry.compareTo(validity) < 0 ? untilActionExpiry : validity;
    } catch (DateTimeParseException e) {
      log.warn("Ignoring the unreadable action expiry '{}' of an approval user task", actionExpiresAt);
      return validity;
    }
  }

  private List<UserTask> completedUserTasks(long processInstanceKey) {
    List<UserTask> tasks = new ArrayList<>();
    String cursor = null;
    while (true) {
      String after = cursor;
      SearchResponse<UserTask> page =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.COMPLETED))
              .page(p -> pageAfter(p, after))
              .send()
              .join();
      tasks.addAll(page.items());
      cursor = page.page() == null ? null : page.page().endCursor();
      if (page.items().size() < PAGE_SIZE || cursor == null) {
        return tasks;
      }
    }
  }

  private Map<String, String> localVariables(long processInstanceKey, long scopeKey) {
    Map<String, String> values = new HashMap<>();
    String cursor = null;
    while (true) {
      String after = cursor;
      SearchResponse<Variable> page =
          client
              .newVariableSearchRequest()
              .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(scopeKey))
              .page(p -> pageAfter(p, after))
              .send()
              .join();
      for (Variable variable : page.items()) {
        // Checked again here so that an engine that ignores the filter cannot mix in outer scopes.
        if (variable.getScopeKey() != null && variable.getScopeKey() == scopeKey) {
          values.put(variable.getName(), textOf(variable.getValue()));
        }
      }
      cursor = page.page() == null ? null : page.page().endCursor();
      if (page.items().size() < PAGE_SIZE || cursor == null) {
        return values;
      }
    }
  }

  private static void pageAfter(io.camunda.client.api.search.request.SearchRequestPage page, String after) {
    page.limit(PAGE_SIZE);
    if (after != null) {
      page.after(after);
    }
  }

  /** Returns a JSON string variable value as plain text, or the raw JSON for any other value. */
  private static String textOf(String json) {
    if (json == null) {
      return null;
    }
    try {
      var node = JSON.readTree(json);
      return node.isTextual() ? node.asText() : node.isNull() ? null : json;
    } catch (JsonProcessingException e) {
      return json;
    }
  }
}
