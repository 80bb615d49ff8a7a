package dev.airlock.policy;

/**
 * A step in the form the policy decides on, resolved against the live page just before it would run.
 *
 * @param stepIndex position of the step in the task
 * @param action step action as written in the task, for example {@code click}
 * @param pageUrl URL of the page the step acts on
 * @param targetRole ARIA role of the target element, or null for steps without one
 * @param targetName accessible name of the target element, or null
 * @param navigationUrl absolute URL a navigation step goes to, or null
 * @param navigationAllowed whether {@code navigationUrl} is on the task's origin allowlist
 * @param valueDigest {@code sha256:...} digest of the typed or selected value, or null
 */
public record ProposedAction(int stepIndex, String action, String pageUrl, String targetRole, String targetName,
        String navigationUrl, boolean navigationAllowed, String valueDigest) {
}
