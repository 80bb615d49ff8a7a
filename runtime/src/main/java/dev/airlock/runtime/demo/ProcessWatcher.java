package dev.airlock.runtime.demo;

import dev.airlock.runtime.approval.ApprovalDesk;
import dev.airlock.runtime.approval.PendingApproval;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.Variable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Polls the engine until a process instance needs a person, has failed or has ended. */
public final class ProcessWatcher {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private final CamundaClient client;
  private final ApprovalDesk desk;

  public ProcessWatcher(CamundaClient client) {
    this.client = client;
    this.desk = new ApprovalDesk(client);
  }

  /**
   * Waits until the instance awaits an approval, has an incident or has ended.
   *
   * @throws TimeoutException when none of that happened within {@code timeout}
   */
  public ProcessState await(long processInstanceKey, Duration timeout)
      throws TimeoutException, InterruptedException {
    return await(processInstanceKey, timeout, Set.of());
  }

  /**
   * Waits like {@link #await(long, Duration)}, but passes over the approval user tasks in {@code
   * seenApprovals}: those that were already reported and may still be open.
   */
  public ProcessState await(long processInstanceKey, Duration timeout, Set<Long> seenApprovals)
      throws TimeoutException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<ProcessState> state = current(processInstanceKey, seenApprovals);
      if (state.isPresent()) {
        return state.get();
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    throw new TimeoutException(
        "process instance "
            + processInstanceKey
            + " neither reached an approval nor ended within "
            + timeout
            + "; look at it in the engine's history view");
  }

  private Optional<ProcessState> current(long processInstanceKey, Set<Long> seenApprovals) {
    ProcessInstance instance =
        client.newProcessInstanceGetRequest(processInstanceKey).send().join();
    if (instance.getState() == ProcessInstanceState.COMPLETED) {
      return Optional.of(new ProcessState.Completed(variables(processInstanceKey)));
    }
    if (instance.getState() == ProcessInstanceState.TERMINATED) {
      return Optional.of(new ProcessState.Terminated());
    }
    Optional<PendingApproval> approval =
        desk.pending(processInstanceKey).stream()
            .filter(pending -> !seenApprovals.contains(pending.userTaskKey()))
            .findFirst();
    if (approval.isPresent()) {
      return Optional.of(new ProcessState.AwaitingApproval(approval.get()));
    }
    return openIncident(processInstanceKey)
        .map(incident -> new ProcessState.Incident(incident.getElementId(), incident.getErrorMessage()));
  }

  private Optional<Incident> openIncident(long processInstanceKey) {
    return client
        .newIncidentSearchRequest()
        .filter(filter -> filter.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
        .send()
        .join()
        .items()
        .stream()
        .findFirst();
  }

  /** Reads the variables of the process instance's root scope. */
  public Map<String, Object> variables(long processInstanceKey) {
    Map<String, Object> variables = new HashMap<>();
    List<Variable> found =
        client
            .newVariableSearchRequest()
            .filter(filter -> filter.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey))
            .page(page -> page.limit(1000))
            .send()
            .join()
            .items();
    for (Variable variable : found) {
      String json = variable.getValue();
      if (Boolean.TRUE.equals(variable.isTruncated())) {
        json = client.newVariableGetRequest(variable.getVariableKey()).send().join().getValue();
      }
      variables.put(
          variable.getName(), client.getConfiguration().getJsonMapper().fromJson(json, Object.class));
    }
    return variables;
  }
}
