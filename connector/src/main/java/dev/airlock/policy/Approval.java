package dev.airlock.policy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed human decision about one action.
 *
 * @param processInstanceKey process instance the decision was made in
 * @param fingerprint {@link ActionFingerprint} of the action decided on
 * @param decision {@link #APPROVED} or {@link #REJECTED}
 * @param approver who decided, as the engine recorded the person completing the user task
 * @param decidedAt when the decision was made
 * @param expiresAt after this instant the approval is no longer valid
 * @param keyId id of the signing key
 * @param signature base64 Ed25519 signature over {@link #signedBytes()}
 */
public record Approval(String processInstanceKey, String fingerprint, String decision, String approver,
        Instant decidedAt, Instant expiresAt, String keyId, String signature) {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /** Returns the bytes the signature covers: every field but the signature, one per line, in declaration order. */
    public byte[] signedBytes() {
        return String.join("\n", "airlock-approval-v1", nullToEmpty(processInstanceKey), nullToEmpty(fingerprint),
                nullToEmpty(decision), nullToEmpty(approver), String.valueOf(decidedAt), String.valueOf(expiresAt),
                nullToEmpty(keyId)).getBytes(StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.replace("\n", " ");
    }
}
