package dev.airlock.runtime.approval;

import java.util.Map;

/**
 * An open approval user task: the action the robot wants to run, waiting for a person.
 *
 * @param userTaskKey key of the user task
 * @param processInstanceKey key of the process instance the action belongs to
 * @param taskName name of the user task in the process
 * @param fingerprint fingerprint of the pending action the approval will be bound to
 * @param localVariables the user task's local variables, such as the pending action's description
 */
public record PendingApproval(
    long userTaskKey,
    long processInstanceKey,
    String taskName,
    String fingerprint,
    Map<String, Object> localVariables) {

  /** Local variable of an approval user task that describes the pending action. */
  public static final String DESCRIPTION = "airlockActionDescription";

  /** Returns the description a person can read, or the fingerprint when there is none. */
  public String description() {
    Object description = localVariables.get(DESCRIPTION);
    return description == null ? "action " + fingerprint : description.toString();
  }
}
