package dev.airlock.automation;

/**
 * Checks before each step that the task's agent identity still has its authority, so that a
 * revocation or expiry takes effect before the next action rather than at the next task.
 */
@FunctionalInterface
public interface IdentityCheck {

    /** An identity check that accepts every identity, for runs without an identity registry. */
    IdentityCheck NONE = identityId -> { };

    /**
     * Throws a runtime exception whose message explains why {@code identityId} may no longer act, for
     * example because it was revoked or has expired.
     */
    void check(String identityId);
}
