package dev.airlock.runtime.approval;

import dev.airlock.camunda.CamundaApprovalCollector;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and decides pending approvals through the Camunda REST API, as an approver would in a task
 * list: the task is assigned to the approver, then completed with the decision and a comment.
 */
public final class ApprovalDesk {

  /** Value of the decision variable for an approval. */
  public static final String APPROVED = "APPROVED";

  /** Value of the decision variable for a rejection. */
  public static final String REJECTED = "REJECTED";

  static final String COMMENT = "comment";

  private final CamundaClient client;

  public ApprovalDesk(CamundaClient client) {
    this.client = client;
  }

  /** Lists the open approval tasks, of one process instance when {@code processInstanceKey} is set. */
  public List<PendingApproval> pending(Long processInstanceKey) {
    List<UserTask> open =
        client
            .newUserTaskSearchRequest()
            .filter(
                filter -> {
                  filter.state(UserTaskState.CREATED);
                  if (processInstanceKey != null) {
                    filter.processInstanceKey(processInstanceKey);
                  }
                })
            .send()
            .join()
            .items();
    List<PendingApproval> approvals = new ArrayList<>();
    for (UserTask task : open) {
      Map<String, Object> variables = localVariables(task.getElementInstanceKey());
      Object fingerprint = variables.get(CamundaApprovalCollector.FINGERPRINT);
      if (fingerprint != null) {
        approvals.add(
            new PendingApproval(
                task.getUserTaskKey(),
                task.getProcessInstanceKey(),
                task.getName(),
                fingerprint.toString(),
                variables));
      }
    }
    return approvals;
  }

  /**
   * Assigns the task to {@code approver} and completes it with the decision.
   *
   * @param approve {@code true} to approve the action, {@code false} to reject it
   */
  public void decide(long userTaskKey, String approver, boolean approve, String comment) {
    if (approver == null || approver.isBlank()) {
      throw new IllegalArgumentException(
          "approver is missing; name the person deciding, for example --as alice");
    }
    client.newAssignUserTaskCommand(userTaskKey).assignee(approver).allowOverride(true).send().join();

    Map<String, Object> variables = new HashMap<>();
    variables.put(CamundaApprovalCollector.DECISION, approve ? APPROVED : REJECTED);
    variables.put(COMMENT, comment == null ? "" : comment);
    client.newCompleteUserTaskCommand(userTaskKey).variables(variables).send().join();
  }

  /** Reads the variables of the user task's own scope, not those it inherits. */
  private Map<String, Object> localVariables(long elementInstanceKey) {
    Map<String, Object> variables = new HashMap<>();
    List<Variable> found =
        client
            .newVariableSearchRequest()
            .filter(filter -> filter.scopeKey(elementInstanceKey))
            .send()
            .join()
            .items();
    for (Variable variable : found) {
      Object value =
          client.getConfiguration().getJsonMapper().fromJson(variable.getValue(), Object.class);
      variables.put(variable.getName(), value);
    }
    return variables;
  }
}
