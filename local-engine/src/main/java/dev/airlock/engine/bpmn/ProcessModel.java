package dev.airlock.engine.bpmn;

import java.util.List;
import java.util.Map;

/** An executable process as the engine runs it. The process itself is an element of kind PROCESS. */
public record ProcessModel(
    String processId,
    String name,
    String versionTag,
    Map<String, ElementDef> elements,
    Map<String, FlowDef> flows) {

  public ElementDef element(String id) {
    var element = elements.get(id);
    if (element == null) {
      throw new IllegalArgumentException(
          "Process '" + processId + "' has no element with id '" + id + "'");
    }
    return element;
  }

  public FlowDef flow(String id) {
    return flows.get(id);
  }

  /** Returns the none start event of the process or sub-process with id {@code scopeId}. */
  public ElementDef startEvent(String scopeId) {
    return elements.values().stream()
        .filter(e -> e.kind() == ElementKind.START_EVENT && scopeId.equals(e.scopeId()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("Scope '" + scopeId + "' has no none start event"));
  }

  /** Returns the error boundary events attached to the activity {@code activityId}. */
  public List<ElementDef> boundaryEvents(String activityId) {
    return elements.values().stream()
        .filter(e -> e.kind() == ElementKind.BOUNDARY_EVENT && activityId.equals(e.attachedTo()))
        .toList();
  }
}
