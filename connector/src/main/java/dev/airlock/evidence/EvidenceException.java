package dev.airlock.evidence;

/**
 * Failure to record, seal or read evidence. The caller must stop the task, because an action that cannot be
 * recorded must not run.
 */
public class EvidenceException extends RuntimeException {

    public EvidenceException(String message) {
        super(message);
    }

    public EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
