package dev.airlock.engine.bpmn;

/**
 * The BPMN elements the local engine executes. The names equal the element instance types of
 * the Camunda 8 REST API.
 */
public enum ElementKind {
  PROCESS,
  SUB_PROCESS,
  START_EVENT,
  END_EVENT,
  BOUNDARY_EVENT,
  SERVICE_TASK,
  USER_TASK,
  EXCLUSIVE_GATEWAY
}
