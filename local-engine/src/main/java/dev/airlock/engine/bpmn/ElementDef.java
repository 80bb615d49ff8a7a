package dev.airlock.engine.bpmn;

import java.util.List;
import java.util.Map;

/**
 * One executable element of a process, with what the engine needs to run it. Parts that do not
 * apply to the element's kind are null or empty.
 *
 * @param scopeId id of the enclosing process or sub-process; null for the process itself
 * @param outgoing ids of the outgoing sequence flows, in document order
 * @param defaultFlow id of an exclusive gateway's default flow
 * @param errorCode for an error end event the code (static or {@code =} expression); for an
 *     error boundary event the code it catches, or null to catch every error
 * @param attachedTo id of the activity an error boundary event is attached to
 */
public record ElementDef(
    String id,
    String name,
    ElementKind kind,
    String scopeId,
    List<String> outgoing,
    String defaultFlow,
    List<Mapping> inputs,
    List<Mapping> outputs,
    TaskDefinition taskDefinition,
    Map<String, String> taskHeaders,
    UserTaskDefinition userTask,
    boolean errorEvent,
    String errorCode,
    String attachedTo) {

  /** An input or output mapping: {@code source} is evaluated, its value is set as {@code target}. */
  public record Mapping(String source, String target) {}

  /** The job of a service task; each value is static or a {@code =} expression. */
  public record TaskDefinition(String type, String retries) {}

  /** A Camunda user task's form and assignment; each value is static or a {@code =} expression. */
  public record UserTaskDefinition(
      String formId,
      String externalFormReference,
      String assignee,
      String candidateGroups,
      String candidateUsers,
      String priority,
      String dueDate,
      String followUpDate) {}
}
