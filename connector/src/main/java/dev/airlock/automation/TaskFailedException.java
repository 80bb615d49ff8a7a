package dev.airlock.automation;

import dev.airlock.evidence.SealedBundle;

/**
 * A task that started but could not finish: a step timed out, an element was missing, an assertion failed or the
 * evidence could not be written. What was recorded up to the failure is sealed before this is thrown, and
 * {@link #bundle()} names it when sealing worked.
 */
public class TaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SealedBundle bundle;
    private final int stepIndex;

    public TaskFailedException(String message, int stepIndex, SealedBundle bundle, Throwable cause) {
        super(message, cause);
        this.stepIndex = stepIndex;
        this.bundle = bundle;
    }

    /** Returns the index of the step that failed, or -1 when the failure was outside the steps. */
    public int stepIndex() {
        return stepIndex;
    }

    /** Returns the sealed bundle of the failed run, or null when it could not be sealed. */
    public SealedBundle bundle() {
        return bundle;
    }
}
