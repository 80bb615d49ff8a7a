package dev.airlock.sandbox;

/**
 * An infrastructure failure of a sandbox: a process did not start, did not stop, or a folder could not be created or
 * removed. The task itself was not at fault, so a caller may retry it on a fresh sandbox.
 */
public class SandboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
