package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.ElementDef;
import dev.airlock.engine.feel.Feel;
import dev.airlock.engine.store.InstanceStore.ElementInstanceRow;
import dev.airlock.engine.store.JobStore.JobRow;
import dev.airlock.engine.store.Stores;
import dev.airlock.engine.store.UserTaskStore.UserTaskRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Creates and cancels what an element waits for: the job of a service task and the Camunda user
 * task of a user task. A property that cannot be evaluated becomes an incident.
 */
final class WaitStates {

  private static final int DEFAULT_RETRIES = 3;
  private static final int DEFAULT_PRIORITY = 50;

  private final Stores stores;
  private final Variables variables;
  private final Feel feel;
  private final CommandRunner runner;
  private IncidentSink incidents;

  /** Receiver of evaluation failures, which the executor turns into incidents. */
  interface IncidentSink {
    void raise(RunningInstance instance, ElementInstanceRow row, IncidentType type, String message);
  }

  WaitStates(Stores stores, Variables variables, Feel feel, CommandRunner runner) {
    this.stores = stores;
    this.variables = variables;
    this.feel = feel;
    this.runner = runner;
  }

  void reportIncidentsTo(IncidentSink sink) {
    this.incidents = sink;
  }

  void createJob(RunningInstance instance, ElementDef element, ElementInstanceRow row) {
    var context = new Evaluation(variables.visible(row.elementInstanceKey()), row, feel);
    var type = context.string(element.taskDefinition().type(), "job type");
    var retriesProperty = element.taskDefinition().retries();
    var retries = retriesProperty == null ? Integer.valueOf(DEFAULT_RETRIES)
        : context.integer(retriesProperty, "job retries");
    if (context.failure() != null) {
      incidents.raise(instance, row, IncidentType.EXTRACT_VALUE_ERROR, context.failure());
      return;
    }
    stores.jobs().insert(new JobRow(
        stores.keys().next(), type, "ACTIVATABLE", retries, null, null, null, null, null,
        Json.write(element.taskHeaders()), instance.key(), row.elementInstanceKey(),
        element.id(), instance.row().processDefinitionKey(),
        instance.row().processDefinitionId(), instance.row().version(), null));
    runner.markJobsAvailable();
  }

  void createUserTask(RunningInstance instance, ElementDef element, ElementInstanceRow row) {
    var definition = element.userTask();
    var context = new Evaluation(variables.visible(row.elementInstanceKey()), row, feel);
    var assignee = context.optionalString(definition.assignee(), "assignee");
    var groups = context.list(definition.candidateGroups(), "candidate groups");
    var users = context.list(definition.candidateUsers(), "candidate users");
    var external = context.optionalString(definition.externalFormReference(), "external form");
    var priority = definition.priority() == null ? Integer.valueOf(DEFAULT_PRIORITY)
        : context.integer(definition.priority(), "priority");
    var dueDate = context.optionalString(definition.dueDate(), "due date");
    var followUpDate = context.optionalString(definition.followUpDate(), "follow-up date");

    if (context.failure() != null) {
      incidents.raise(instance, row, IncidentType.EXTRACT_VALUE_ERROR, context.failure());
      return;
    }
    Long formKey = null;
    if (definition.formId() != null) {
      var form = stores.definitions().latestForm(definition.formId());
      if (form.isEmpty()) {
        incidents.raise(instance, row, IncidentType.FORM_NOT_FOUND,
            "Expected to find a form with id '" + definition.formId() + "', but no such form is"
                + " deployed. Deploy the form, then resolve this incident.");
        return;
      }
      formKey = form.get().formKey();
    }

    stores.userTasks().insert(new UserTaskRow(
        stores.keys().next(), row.elementInstanceKey(), instance.key(),
        instance.row().processDefinitionKey(), instance.row().processDefinitionId(),
        instance.row().version(), element.id(), element.name(), "CREATED", assignee,
        Json.write(groups), Json.write(users), formKey, external,
        Json.write(element.taskHeaders()), priority, dueDate, followUpDate,
        ProcessExecutor.now(), null, null, null));
  }

  /** Cancels the open job or user task of an element instance that is being terminated. */
  void cancel(long elementInstanceKey) {
    var now = ProcessExecutor.now();
    stores.jobs().openJobOf(elementInstanceKey).ifPresent(job -> stores.jobs().update(
        job.with("CANCELED", job.retries(), job.worker(), job.deadline(), job.backoffUntil(),
            job.errorCode(), job.errorMessage(), now)));
    stores.userTasks().openTaskOf(elementInstanceKey).ifPresent(task -> stores.userTasks()
        .update(task.with("CANCELED", task.assignee(), null, null, null)));
  }

  /** Evaluates properties against the element's variables and keeps the first failure. */
  private static final class Evaluation {
    private final Map<String, Object> variables;
    private final Feel feel;
    private final String elementId;
    private String failure;

    Evaluation(Map<String, Object> variables, ElementInstanceRow row, Feel feel) {
      this.variables = variables;
      this.feel = feel;
      this.elementId = row.elementId();
    }

    String failure() {
      return failure;
    }

    String string(String property, String what) {
      var value = optionalString(property, what);
      if (value == null || value.isBlank()) {
        fail(property, what, "a non-empty string", value);
      }
      return value;
    }

    String optionalString(String property, String what) {
      var value = evaluate(property, what);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      fail(property, what, "a string", value);
      return null;
    }

    Integer integer(String property, String what) {
      var value = evaluate(property, what);
      try {
        return value instanceof Number number ? number.intValue()
            : Integer.parseInt(String.valueOf(value).strip());
      } catch (NumberFormatException e) {
        fail(property, what, "a number", value);
        return 0;
      }
    }

    List<String> list(String property, String what) {
      var value = evaluate(property, what);
      if (value == null) {
        return List.of();
      }
      if (value instanceof String text && !Feel.isExpression(property)) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .toList();
      }
      if (value instanceof Collection<?> items) {
        var result = new ArrayList<String>();
        items.forEach(item -> result.add(String.valueOf(item)));
        return result;
      }
      fail(property, what, "a list of strings", value);
      return List.of();
    }

    private Object evaluate(String property, String what) {
      if (property == null || failure != null) {
        return null;
      }
      var result = feel.evaluateProperty(property, variables);
      if (result instanceof Feel.Result.Failure(String message)) {
        failure = "Failed to evaluate the " + what + " '" + property + "' of element '"
            + elementId + "': " + message;
        return null;
      }
      return ((Feel.Result.Value) result).value();
    }

    private void fail(String property, String what, String expected, Object actual) {
      if (failure == null) {
        failure = "Expected the " + what + " '" + property + "' of element '" + elementId
            + "' to be " + expected + ", but it was " + actual;
      }
    }
  }
}
