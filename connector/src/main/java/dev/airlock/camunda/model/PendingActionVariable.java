package dev.airlock.camunda.model;

/**
 * The action a checkpoint stopped before, as carried by the {@code AIRLOCK_CHECKPOINT} BPMN error in
 * the variable {@code airlockCheckpoint}. The approval user task shows it to the approver and keeps
 * {@code fingerprint} as a local input, from which the connector later mints the approval.
 *
 * @param stepIndex index of the step in the request's steps
 * @param description what the action does, in words a person can check
 * @param fingerprint SHA-256 (hex) over what makes the action what it is
 * @param expiresAt ISO-8601 instant after which an approval of this action is no longer accepted
 * @param screenshot the screen before the action, as a Camunda document
 * @param bundleId evidence bundle of the run that stopped at the checkpoint
 */
public record PendingActionVariable(
    int stepIndex,
    String description,
    String fingerprint,
    String expiresAt,
    DocumentReferenceVariable screenshot,
    String bundleId) {}
