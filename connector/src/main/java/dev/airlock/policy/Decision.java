package dev.airlock.policy;

/**
 * The risk policy's decision for one step.
 *
 * @param verdict what happens to the step
 * @param rule name of the rule that decided, {@code default} when none matched
 * @param reason why, in words a reviewer can read
 */
public record Decision(Verdict verdict, String rule, String reason) {
}
