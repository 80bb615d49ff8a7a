package dev.airlock.policy;

/** What the risk policy decides for one step, ordered from least to most severe. */
public enum Verdict {
    /** The step runs. */
    ALLOW,
    /** The step runs only with a valid approval for its exact fingerprint. */
    CHECKPOINT,
    /** The step never runs and the task stops. */
    DENY
}
