package dev.airlock.engine.engine;

import dev.airlock.engine.store.Stores;
import dev.airlock.engine.store.UserTaskStore.UserTaskRow;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands on Camunda user tasks. Completion records the assignee at that moment and the
 * completion time, which is what Airlock trusts about who decided.
 */
public final class UserTaskCommands {

  private static final Logger LOG = LoggerFactory.getLogger(UserTaskCommands.class);

  private final Stores stores;
  private final Models models;
  private final ProcessExecutor executor;
  private final CommandRunner runner;

  UserTaskCommands(Stores stores, Models models, ProcessExecutor executor, CommandRunner runner) {
    this.stores = stores;
    this.models = models;
    this.executor = executor;
    this.runner = runner;
  }

  public void assign(long userTaskKey, String assignee, boolean allowOverride) {
    if (assignee == null || assignee.isBlank()) {
      throw EngineException.invalidArgument(
          "assignee is missing; give the user to assign, or unassign the task instead");
    }
    runner.run(() -> {
      var task = openTask(userTaskKey, "assign");
      if (!allowOverride && task.assignee() != null && !task.assignee().equals(assignee)) {
        throw EngineException.invalidState("User task " + userTaskKey + " is already assigned"
            + " to '" + task.assignee() + "'; allow override to reassign it");
      }
      stores.userTasks().update(task.with("CREATED", assignee, null, null, null));
    });
  }

  public void unassign(long userTaskKey) {
    runner.run(() -> {
      var task = openTask(userTaskKey, "unassign");
      stores.userTasks().update(task.with("CREATED", null, null, null, null));
    });
  }

  public void complete(long userTaskKey, Map<String, Object> variables, String action) {
    runner.run(() -> {
      var task = openTask(userTaskKey, "complete");
      var completionAction = action == null || action.isBlank() ? "complete" : action;
      stores.userTasks().update(task.with("COMPLETED", task.assignee(), ProcessExecutor.now(),
          task.assignee(), completionAction));
      var processInstance =
          stores.instances().processInstance(task.processInstanceKey()).orElseThrow();
      var instance = new RunningInstance(processInstance,
          models.get(processInstance.processDefinitionKey()));
      var row = stores.instances().elementInstance(task.elementInstanceKey()).orElseThrow();
      var element = instance.model().element(row.elementId());
      JobCommands.applyResultVariables(executor, instance, element, row.elementInstanceKey(),
          variables);
      executor.complete(instance, element, row, null);
      LOG.info("User task {} completed by '{}' with action '{}' in process instance {}",
          userTaskKey, Objects.requireNonNullElse(task.assignee(), "(unassigned)"),
          completionAction, task.processInstanceKey());
    });
  }

  private UserTaskRow openTask(long userTaskKey, String action) {
    var task = stores.userTasks().find(userTaskKey).orElseThrow(() ->
        EngineException.notFound("User task with key " + userTaskKey + " not found"));
    if (!"CREATED".equals(task.state())) {
      throw EngineException.invalidState("Expected to " + action + " user task " + userTaskKey
          + ", but it is " + task.state().toLowerCase());
    }
    return task;
  }
}
