package dev.airlock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.evidence.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalVerifierTest {

    private static final String FINGERPRINT = "a".repeat(64);
    private static final Instant DECIDED = Instant.parse("2026-12-04T10:00:00Z");

    private final SigningKey key = SigningKey.generate();
    private final ApprovalSigner signer = new ApprovalSigner(key);
    private final ApprovalVerifier verifier = new ApprovalVerifier(key.publicKey());

    private Approval approval(String fingerprint, String decision, String approver) {
        return signer.sign("2251799813685249", fingerprint, decision, approver, DECIDED, Duration.ofHours(1));
    }

    private ApprovalVerifier.Check check(Approval approval) {
        return verifier.verify(approval, FINGERPRINT, "agent-1", "owner-1", DECIDED.plusSeconds(60));
    }

    @Test
    void signedApprovalForTheFingerprintIsAccepted() {
        assertThat(check(approval(FINGERPRINT, Approval.APPROVED, "approver-1"))).isEqualTo(new ApprovalVerifier.Check(true, null));
    }

    @Test
    void approvalForAnotherFingerprintIsRejected() {
        ApprovalVerifier.Check check = check(approval("b".repeat(64), Approval.APPROVED, "approver-1"));

        assertThat(check.accepted()).isFalse();
        assertThat(check.problem()).contains("is for action " + "b".repeat(64));
    }

    @Test
    void expiredApprovalIsRejected() {
        ApprovalVerifier.Check check = verifier.verify(approval(FINGERPRINT, Approval.APPROVED, "approver-1"), FINGERPRINT,
                "agent-1", "owner-1", DECIDED.plus(Duration.ofHours(2)));

        assertThat(check.problem()).startsWith("approval expired at");
    }

    @Test
    void tamperedApprovalIsRejected() {
        Approval signed = approval(FINGERPRINT, Approval.REJECTED, "approver-1");
        Approval flipped = new Approval(signed.processInstanceKey(), signed.fingerprint(), Approval.APPROVED, signed.approver(),
                signed.decidedAt(), signed.expiresAt(), signed.keyId(), signed.signature());

        assertThat(check(flipped).problem()).isEqualTo("approval signature does not match its content");
    }

    @Test
    void approvalSignedByAnotherKeyIsRejected() {
        Approval foreign = new ApprovalSigner(SigningKey.generate()).sign("1", FINGERPRINT, Approval.APPROVED, "approver-1",
                DECIDED, Duration.ofHours(1));

        assertThat(check(foreign).problem()).contains("not by the trusted key " + key.keyId());
    }

    @Test
    void agentAndOwnerCannotApprove() {
        assertThat(check(approval(FINGERPRINT, Approval.APPROVED, "agent-1")).accepted()).isFalse();
        assertThat(check(approval(FINGERPRINT, Approval.APPROVED, "owner-1")).problem()).contains("agent identity or its owner");
    }

    @Test
    void rejectionWinsOverApproval() {
        List<Approval> both = List.of(approval(FINGERPRINT, Approval.APPROVED, "approver-1"),
                approval(FINGERPRINT, Approval.REJECTED, "approver-2"));

        ApprovalVerifier.Check check = verifier.verifyAny(both, FINGERPRINT, "agent-1", "owner-1", DECIDED.plusSeconds(1));

        assertThat(check.accepted()).isFalse();
        assertThat(check.problem()).isEqualTo("the action was REJECTED by approver-2");
    }

    @Test
    void emptyListNamesTheMissingApproval() {
        assertThat(verifier.verifyAny(List.of(), FINGERPRINT, "agent-1", "owner-1", DECIDED).problem())
                .isEqualTo("no approval for action " + FINGERPRINT);
    }

    @Test
    void ownerInOtherCaseIsStillOwner() {
        assertThat(ApprovalVerifier.samePerson(" Invoice-Clerk ", "invoice-clerk")).isTrue();
        assertThat(ApprovalVerifier.samePerson("\uFF49nvoice-clerk", "invoice-clerk")).as("full-width letter").isTrue();
        assertThat(ApprovalVerifier.samePerson("alice", "invoice-clerk")).isFalse();
    }
}
