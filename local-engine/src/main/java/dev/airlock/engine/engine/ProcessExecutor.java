package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.ElementDef;
import dev.airlock.engine.bpmn.ElementKind;
import dev.airlock.engine.feel.Feel;
import dev.airlock.engine.store.IncidentStore.IncidentRow;
import dev.airlock.engine.store.InstanceStore.ElementInstanceRow;
import dev.airlock.engine.store.Stores;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves tokens through a process: activates elements, completes them, takes sequence flows and
 * completes scopes when their last token ends. Runs inside a command of {@link CommandRunner}.
 */
final class ProcessExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessExecutor.class);

  private final Stores stores;
  private final Variables variables;
  private final Mappings mappings;
  private final WaitStates waitStates;
  private final Feel feel;

  ProcessExecutor(Stores stores, Variables variables, Feel feel, WaitStates waitStates) {
    this.stores = stores;
    this.variables = variables;
    this.feel = feel;
    this.mappings = new Mappings(feel);
    this.waitStates = waitStates;
  }

  Variables variables() {
    return variables;
  }

  /** Starts a new process instance whose row is already stored. */
  void start(RunningInstance instance, Map<String, Object> startVariables) {
    var process = instance.model().element(instance.model().processId());
    var processInstance =
        new ElementInstanceRow(
            instance.key(), instance.key(), null, process.id(), "PROCESS", "ACTIVE",
            instance.row().startDate(), null, null);
    stores.instances().insertElementInstance(processInstance);
    variables.setLocal(instance.key(), instance.key(), startVariables);
    activate(instance, instance.model().startEvent(process.id()), instance.key());
  }

  ElementInstanceRow activate(RunningInstance instance, ElementDef element, long flowScopeKey) {
    var row =
        new ElementInstanceRow(
            stores.keys().next(), instance.key(), flowScopeKey, element.id(),
            element.kind().name(), "ACTIVE", System.currentTimeMillis(), null, null);
    stores.instances().insertElementInstance(row);
    runActivation(instance, element, row);
    return row;
  }

  /** Applies input mappings and starts the element's behaviour; also retries a failed activation. */
  void runActivation(RunningInstance instance, ElementDef element, ElementInstanceRow row) {
    if (!element.inputs().isEmpty()) {
      var context = variables.visible(row.flowScopeKey());
      switch (mappings.evaluate(element.inputs(), context)) {
        case Mappings.Outcome.Failed failed -> {
          raiseIncident(instance, row, IncidentType.IO_MAPPING_ERROR, failed.message(),
              RetryStep.ACTIVATE, null);
          return;
        }
        case Mappings.Outcome.Mapped mapped ->
            variables.setLocal(row.elementInstanceKey(), instance.key(), mapped.variables());
      }
    }
    switch (element.kind()) {
      case START_EVENT, BOUNDARY_EVENT -> complete(instance, element, row, null);
      case END_EVENT -> {
        if (element.errorEvent()) {
          throwErrorFromEndEvent(instance, element, row);
        } else {
          complete(instance, element, row, null);
        }
      }
      case SERVICE_TASK -> waitStates.createJob(instance, element, row);
      case USER_TASK -> waitStates.createUserTask(instance, element, row);
      case EXCLUSIVE_GATEWAY -> {
        var choice = new GatewayChoice(feel).choose(instance.model(), element,
            variables.visible(row.elementInstanceKey()));
        switch (choice) {
          case GatewayChoice.Choice.Flow flow ->
              complete(instance, element, row, flow.flowId());
          case GatewayChoice.Choice.Failed failed ->
              raiseIncident(instance, row, IncidentType.CONDITION_ERROR, failed.message(),
                  RetryStep.ACTIVATE, null);
        }
      }
      case SUB_PROCESS ->
          activate(instance, instance.model().startEvent(element.id()), row.elementInstanceKey());
      case PROCESS -> throw new IllegalStateException("A process is started, not activated");
    }
  }

  /** Applies output mappings, completes the element and takes its outgoing flows. */
  void complete(RunningInstance instance, ElementDef element, ElementInstanceRow row, String flow) {
    var scopeKey = row.flowScopeKey();
    if (!element.outputs().isEmpty()) {
      var context = variables.visible(row.elementInstanceKey());
      switch (mappings.evaluate(element.outputs(), context)) {
        case Mappings.Outcome.Failed failed -> {
          raiseIncident(instance, row, IncidentType.IO_MAPPING_ERROR, failed.message(),
              RetryStep.COMPLETE, null);
          return;
        }
        case Mappings.Outcome.Mapped mapped ->
            variables.merge(scopeKey, instance.key(), mapped.variables());
      }
    } else if (element.kind() == ElementKind.BOUNDARY_EVENT) {
      // A catch event without output mappings passes the variables it received to its scope.
      variables.merge(scopeKey, instance.key(), variables.local(row.elementInstanceKey()));
    }
    stores.instances().endElementInstance(row.elementInstanceKey(), "COMPLETED", now());

    var flows = flow != null ? List.of(flow) : element.outgoing();
    for (var flowId : flows) {
      var target = instance.model().element(instance.model().flow(flowId).targetId());
      activate(instance, target, scopeKey);
    }
    if (flows.isEmpty()) {
      completeScopeWhenIdle(instance, scopeKey);
    }
  }

  private void completeScopeWhenIdle(RunningInstance instance, long scopeKey) {
    if (!stores.instances().activeChildren(scopeKey).isEmpty()) {
      return;
    }
    if (scopeKey == instance.key()) {
      var end = now();
      stores.instances().endElementInstance(scopeKey, "COMPLETED", end);
      stores.instances().endProcessInstance(scopeKey, "COMPLETED", end);
      LOG.debug("Process instance {} completed", scopeKey);
      return;
    }
    var scope = stores.instances().elementInstance(scopeKey).orElseThrow();
    complete(instance, instance.model().element(scope.elementId()), scope, null);
  }

  /** Terminates an element instance and everything inside it: child elements, jobs, tasks. */
  void terminate(ElementInstanceRow row) {
    for (var child : stores.instances().activeChildren(row.elementInstanceKey())) {
      terminate(child);
    }
    waitStates.cancel(row.elementInstanceKey());
    for (var incident : stores.incidents().activeOf(row.elementInstanceKey())) {
      stores.incidents().resolve(incident.incidentKey(), now());
    }
    stores.instances().endElementInstance(row.elementInstanceKey(), "TERMINATED", now());
  }

  private void throwErrorFromEndEvent(
      RunningInstance instance, ElementDef element, ElementInstanceRow row) {
    var code = feel.evaluateProperty(element.errorCode(),
        variables.visible(row.elementInstanceKey()));
    if (code instanceof Feel.Result.Value(String errorCode)) {
      new ErrorPropagation(this, stores).throwError(instance, row, errorCode, null, Map.of(), null);
    } else {
      raiseIncident(instance, row, IncidentType.EXTRACT_VALUE_ERROR,
          "Expected the error code expression '" + element.errorCode()
              + "' to return a string, but got: " + code, RetryStep.ACTIVATE, null);
    }
  }

  void raiseIncident(RunningInstance instance, ElementInstanceRow row, IncidentType type,
      String message, RetryStep retryStep, Long jobKey) {
    var incident =
        new IncidentRow(
            stores.keys().next(), instance.key(), instance.row().processDefinitionKey(),
            instance.row().processDefinitionId(), row.elementInstanceKey(), row.elementId(),
            jobKey, type.name(), message, retryStep.name(), "ACTIVE", now(), null);
    stores.incidents().insert(incident);
    stores.instances().setIncident(row.elementInstanceKey(), incident.incidentKey());
    LOG.info("Incident {} ({}) in process instance {} at element '{}': {}",
        incident.incidentKey(), type, instance.key(), row.elementId(), message);
  }

  static long now() {
    return System.currentTimeMillis();
  }
}
