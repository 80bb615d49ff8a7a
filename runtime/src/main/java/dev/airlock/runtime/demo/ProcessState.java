package dev.airlock.runtime.demo;

import dev.airlock.runtime.approval.PendingApproval;
import java.util.Map;

/** State of a watched process instance. */
public sealed interface ProcessState {

  /** The instance waits for a person to decide an approval. */
  record AwaitingApproval(PendingApproval approval) implements ProcessState {}

  /** The instance completed; {@code variables} are its process variables. */
  record Completed(Map<String, Object> variables) implements ProcessState {}

  /** The instance has an open incident. */
  record Incident(String elementId, String message) implements ProcessState {}

  /** The instance was terminated (canceled). */
  record Terminated() implements ProcessState {}
}
