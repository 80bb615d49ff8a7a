package dev.airlock.automation;

/**
 * A task that cannot run as written. The message names the field, for example
 * {@code steps[2].target: missing; give one of role, label, text, testId, css}. It is raised before any browser
 * starts, and retrying the same task cannot succeed.
 */
public class InvalidTaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTaskException(String message) {
        super(message);
    }

    public InvalidTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
