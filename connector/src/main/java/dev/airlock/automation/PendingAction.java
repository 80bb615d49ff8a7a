package dev.airlock.automation;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An action that waits for a human decision.
 *
 * @param stepIndex index of the step in the task
 * @param description what the action does, for an approver, for example "Click button 'Pay' on https://..."
 * @param fingerprint the fingerprint an approval must name
 * @param screenshot the page as it looked before the action, inside the bundle folder
 * @param expiresAt after this instant the request for a decision lapses
 */
public record PendingAction(int stepIndex, String description, String fingerprint, Path screenshot, Instant expiresAt) {
}
