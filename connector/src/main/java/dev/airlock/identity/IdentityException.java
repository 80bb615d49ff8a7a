package dev.airlock.identity;

/**
 * Thrown when a browser task cannot run as its agent identity: the identity is unknown, revoked or
 * expired, the request is outside its scope, or one of its credentials cannot be resolved. The
 * message names the offending value and says what to change.
 */
public class IdentityException extends RuntimeException {

  private final String field;

  public IdentityException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** Request field the problem is about, such as {@code identityId} or {@code steps[2]}. */
  public String field() {
    return field;
  }
}
