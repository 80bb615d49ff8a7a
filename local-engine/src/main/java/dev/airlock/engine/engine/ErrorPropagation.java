package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.ElementDef;
import dev.airlock.engine.store.InstanceStore.ElementInstanceRow;
import dev.airlock.engine.store.Stores;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Throws a BPMN error: starting at the element that threw it, looks for an error boundary event
 * attached to it, then to each enclosing sub-process. An event with the same error code wins over
 * a catch-all event at the same level. The catching event's activity is terminated, the event is
 * activated with the error variables as its local variables, and the instance continues from it.
 * An error that no event catches becomes an incident on the element that threw it.
 */
final class ErrorPropagation {

  private final ProcessExecutor executor;
  private final Stores stores;

  ErrorPropagation(ProcessExecutor executor, Stores stores) {
    this.executor = executor;
    this.stores = stores;
  }

  /** Returns whether an event caught the error. */
  boolean throwError(RunningInstance instance, ElementInstanceRow source, String code,
      String message, Map<String, Object> errorVariables, Long jobKey) {
    var current = source;
    while (current != null) {
      var catchEvent = catchEvent(instance.model().boundaryEvents(current.elementId()), code);
      if (catchEvent != null) {
        executor.terminate(current);
        var row = new ElementInstanceRow(
            stores.keys().next(), instance.key(), current.flowScopeKey(), catchEvent.id(),
            catchEvent.kind().name(), "ACTIVE", ProcessExecutor.now(), null, null);
        stores.instances().insertElementInstance(row);
        executor.variables().setLocal(row.elementInstanceKey(), instance.key(), errorVariables);
        executor.runActivation(instance, catchEvent, row);
        return true;
      }
      current = current.flowScopeKey() == null
          ? null
          : stores.instances().elementInstance(current.flowScopeKey()).orElse(null);
    }
    var incidentMessage =
        "Expected to throw an error event with the code '" + code + "'"
            + (message == null ? "" : " with message '" + message + "'")
            + ", but it was not caught. No error events are available in the scope.";
    executor.raiseIncident(instance, source, IncidentType.UNHANDLED_ERROR_EVENT, incidentMessage,
        jobKey == null ? RetryStep.ACTIVATE : RetryStep.JOB, jobKey);
    return false;
  }

  private static ElementDef catchEvent(List<ElementDef> boundaryEvents, String code) {
    ElementDef catchAll = null;
    for (var event : boundaryEvents) {
      if (event.errorCode() == null) {
        catchAll = event;
      } else if (Objects.equals(event.errorCode(), code)) {
        return event;
      }
    }
    return catchAll;
  }
}
