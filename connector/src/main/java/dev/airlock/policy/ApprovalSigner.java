package dev.airlock.policy;

import dev.airlock.evidence.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Mints signed approvals. Only a component outside the automation, which reads who completed the user task from the engine, uses it. */
public final class ApprovalSigner {

    private final SigningKey key;

    public ApprovalSigner(SigningKey key) {
        this.key = key;
    }

    /** Signs a decision that is valid from {@code decidedAt} for {@code validity}. */
    public Approval sign(String processInstanceKey, String fingerprint, String decision, String approver,
            Instant decidedAt, Duration validity) {
        if (!Approval.APPROVED.equals(decision) && !Approval.REJECTED.equals(decision)) {
            throw new IllegalArgumentException("decision '" + decision + "' is invalid; use APPROVED or REJECTED");
        }
        Approval unsigned = new Approval(processInstanceKey, fingerprint, decision, approver, decidedAt,
                decidedAt.plus(validity), key.keyId(), null);
        String signature = Base64.getEncoder().encodeToString(key.sign(unsigned.signedBytes()));
        return new Approval(processInstanceKey, fingerprint, decision, approver, unsigned.decidedAt(),
                unsigned.expiresAt(), key.keyId(), signature);
    }

    /** Signs an approval of the action with this fingerprint, decided now. */
    public Approval approve(String processInstanceKey, String fingerprint, String approver, Duration validity) {
        return sign(processInstanceKey, fingerprint, Approval.APPROVED, approver, Instant.now(), validity);
    }
}
