package dev.airlock.engine.bpmn;

import dev.airlock.engine.bpmn.ElementDef.Mapping;
import dev.airlock.engine.bpmn.ElementDef.TaskDefinition;
import dev.airlock.engine.bpmn.ElementDef.UserTaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the parts of an {@link ElementDef} while {@link ModelConverter} reads an element. */
final class ElementBuilder {

  private final String id;
  private final ElementKind kind;
  private final String scopeId;
  private String name;
  final List<String> outgoing = new ArrayList<>();
  final List<Mapping> inputs = new ArrayList<>();
  final List<Mapping> outputs = new ArrayList<>();
  final Map<String, String> headers = new LinkedHashMap<>();
  private String defaultFlow;
  private TaskDefinition taskDefinition;
  private UserTaskDefinition userTask;
  private boolean errorEvent;
  private String errorCode;
  private String attachedTo;

  ElementBuilder(String id, ElementKind kind, String scopeId) {
    this.id = id;
    this.kind = kind;
    this.scopeId = scopeId;
  }

  ElementBuilder name(String name) {
    this.name = name;
    return this;
  }

  ElementBuilder defaultFlow(String defaultFlow) {
    this.defaultFlow = defaultFlow;
    return this;
  }

  ElementBuilder taskDefinition(TaskDefinition taskDefinition) {
    this.taskDefinition = taskDefinition;
    return this;
  }

  ElementBuilder userTask(UserTaskDefinition userTask) {
    this.userTask = userTask;
    return this;
  }

  ElementBuilder error(String errorCode) {
    this.errorEvent = true;
    this.errorCode = errorCode;
    return this;
  }

  ElementBuilder attachedTo(String attachedTo) {
    this.attachedTo = attachedTo;
    return this;
  }

  ElementDef build() {
    return new ElementDef(
        id,
        name,
        kind,
        scopeId,
        List.copyOf(outgoing),
        defaultFlow,
        List.copyOf(inputs),
        List.copyOf(outputs),
        taskDefinition,
        Map.copyOf(headers),
        userTask,
        errorEvent,
        errorCode,
        attachedTo);
  }
}
