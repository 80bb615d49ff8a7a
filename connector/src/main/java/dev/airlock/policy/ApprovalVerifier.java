package dev.airlock.policy;

import dev.airlock.evidence.SigningKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** Checks approvals against one trusted public key. */
public final class ApprovalVerifier {

    private final PublicKey trusted;
    private final String trustedKeyId;

    public ApprovalVerifier(PublicKey trusted) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.trustedKeyId = SigningKey.keyId(trusted);
    }

    /**
     * The outcome of checking one approval.
     *
     * @param accepted whether the approval allows the action
     * @param problem why it does not, or null when accepted
     */
    public record Check(boolean accepted, String problem) {

        static Check ok() {
            return new Check(true, null);
        }

        static Check rejected(String problem) {
            return new Check(false, problem);
        }
    }

    /**
     * Checks that an approval is signed by the trusted key, names this exact fingerprint, approves, has not expired
     * and was not given by the agent identity or its owner.
     */
    public Check verify(Approval approval, String fingerprint, String agentIdentity, String agentOwner, Instant now) {
        if (approval.signature() == null || !trustedKeyId.equals(approval.keyId())) {
            return Check.rejected("approval is signed by key '" + approval.keyId() + "', not by the trusted key " + trustedKeyId);
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(approval.signature());
        } catch (IllegalArgumentException e) {
            return Check.rejected("approval signature is not valid base64");
        }
        if (!SigningKey.verify(trusted, approval.signedBytes(), signature)) {
            return Check.rejected("approval signature does not match its content");
        }
        if (!Objects.equals(fingerprint, approval.fingerprint())) {
            return Check.rejected("approval is for action " + approval.fingerprint() + ", not for " + fingerprint);
        }
        if (!Approval.APPROVED.equals(approval.decision())) {
            return Check.rejected("the action was " + approval.decision() + " by " + approval.approver());
        }
        if (approval.expiresAt() == null || !now.isBefore(approval.expiresAt())) {
            return Check.rejected("approval expired at " + approval.expiresAt());
        }
        if (approval.approver() == null || approval.approver().isBlank()
                || samePerson(approval.approver(), agentIdentity) || samePerson(approval.approver(), agentOwner)) {
            return Check.rejected("approver '" + approval.approver() + "' is the agent identity or its owner, who may not approve its own actions");
        }
        return Check.ok();
    }

    /**
     * Checks a list of approvals for one fingerprint. A valid rejection of the fingerprint wins over any approval.
     * Otherwise the result is accepted when one approval is accepted, and else carries the most specific problem.
     */
    public Check verifyAny(List<Approval> approvals, String fingerprint, String agentIdentity, String agentOwner, Instant now) {
        Check result = Check.rejected("no approval for action " + fingerprint);
        boolean problemIsSpecific = false;
        for (Approval approval : approvals) {
            Check check = verify(approval, fingerprint, agentIdentity, agentOwner, now);
            boolean forThisAction = fingerprint.equals(approval.fingerprint());
            if (forThisAction && Approval.REJECTED.equals(approval.decision()) && signatureValid(approval)) {
                return check;
            }
            if (check.accepted()) {
                result = check;
            } else if (!result.accepted() && (forThisAction || !problemIsSpecific)) {
                result = check;
                problemIsSpecific = forThisAction;
            }
        }
        return result;
    }

    private boolean signatureValid(Approval approval) {
        if (approval.signature() == null || !trustedKeyId.equals(approval.keyId())) {
            return false;
        }
        try {
            return SigningKey.verify(trusted, approval.signedBytes(), Base64.getDecoder().decode(approval.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Tells whether two names denote the same person, ignoring case, surrounding spaces and Unicode compatibility
     * forms, so that "Invoice-Clerk" cannot approve for "invoice-clerk".
     */
    public static boolean samePerson(String first, String second) {
        if (first == null || second == null) {
            return false;
        }
        return normalize(first).equals(normalize(second));
    }

    private static String normalize(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
