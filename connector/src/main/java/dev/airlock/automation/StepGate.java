package dev.airlock.automation;

import dev.airlock.evidence.EvidenceRecorder;
import dev.airlock.policy.ActionFingerprint;
import dev.airlock.policy.Approval;
import dev.airlock.policy.ApprovalVerifier;
import dev.airlock.policy.Decision;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.policy.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Applies the risk policy and the approvals to each step before it runs, and journals the decision. */
final class StepGate {

    /** Rule name of a step denied because the identity was revoked or expired during the task. */
    static final String IDENTITY_RULE = "identity-authority";

    /** Rule name of a step denied because it activated a high-risk control without an approval. */
    static final String BLOCKED_ACTIVATION_RULE = "unapproved-high-risk-activation";

    /** Reason for stopping the task before a step. */
    sealed interface Stop {
        record Pending(PendingAction action) implements Stop {
        }

        record Denied(int stepIndex, String rule, String reason) implements Stop {
        }
    }

    private final BrowserTask task;
    private final RiskPolicy policy;
    private final ApprovalVerifier approvals;
    private final Duration checkpointValidity;
    private final EvidenceRecorder recorder;
    private final Path bundleDirectory;
    private final IdentityCheck identityCheck;
    private final Set<String> usedApprovals = new HashSet<>();
    private boolean lastStepApproved;

    StepGate(BrowserTask task, RiskPolicy policy, ApprovalVerifier approvals, Duration checkpointValidity,
            EvidenceRecorder recorder, Path bundleDirectory, IdentityCheck identityCheck) {
        this.task = task;
        this.policy = policy;
        this.approvals = approvals;
        this.checkpointValidity = checkpointValidity;
        this.recorder = recorder;
        this.bundleDirectory = bundleDirectory;
        this.identityCheck = identityCheck;
    }

    /**
     * Tells whether the step's target must be read from the page before the decision: always for acting steps,
     * whose role and name go into the fingerprint and the approver's description, otherwise only when a rule
     * reads names.
     */
    boolean needsTargetNames(Step step) {
        return step.acting() || policy.readsNames(step.action());
    }

    /**
     * Decides a step and returns why the task must stop before it, or null when it may run.
     *
     * @param checkpointScreenshot takes the screenshot shown to the approver and returns its bundle path
     */
    Stop decide(int index, Step step, ActionResolver.Resolved resolved, Supplier<String> checkpointScreenshot) {
        lastStepApproved = false;
        Decision decision = identityDecision().orElseGet(() -> policy.decide(resolved.action()));
        String fingerprint = ActionFingerprint.of(resolved.action());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("step", index);
        entry.put("action", step.action());
        entry.put("target", step.target() == null ? null : step.target().describe());
        entry.put("role", resolved.action().targetRole());
        entry.put("accessibleName", resolved.action().targetName());
        entry.put("pageUrl", resolved.action().pageUrl());
        entry.put("valueDigest", resolved.action().valueDigest());
        entry.put("description", resolved.description());
        entry.put("verdict", decision.verdict().name());
        entry.put("rule", decision.rule());
        entry.put("reason", decision.reason());
        entry.put("fingerprint", fingerprint);
        recorder.append("policy-decision", entry);

        if (decision.verdict() == Verdict.DENY) {
            return new Stop.Denied(index, decision.rule(), decision.reason());
        }
        if (decision.verdict() == Verdict.CHECKPOINT) {
            return checkpoint(index, resolved.description(), fingerprint, checkpointScreenshot);
        }
        return null;
    }

    /** Tells whether the step just decided may run because of an accepted approval. */
    boolean lastStepApproved() {
        return lastStepApproved;
    }

    /**
     * Journals and returns the denial of a step that activated a high-risk control other than
     * the one the policy decided on, which the activation gate blocked.
     */
    Stop blockedActivation(int index, Step step, String controlName) {
        String reason = "the step activated a control named '" + controlName + "', which needs an approval;"
                + " write the step as a click on that control so the policy can stop for it";
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("step", index);
        entry.put("action", step.action());
        entry.put("verdict", Verdict.DENY.name());
        entry.put("rule", BLOCKED_ACTIVATION_RULE);
        entry.put("reason", reason);
        recorder.append("policy-decision", entry);
        return new Stop.Denied(index, BLOCKED_ACTIVATION_RULE, reason);
    }

    /** Returns a denial when the task's identity lost its authority since the task started. */
    private Optional<Decision> identityDecision() {
        try {
            identityCheck.check(task.identityId());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(new Decision(Verdict.DENY, IDENTITY_RULE, String.valueOf(e.getMessage())));
        }
    }

    private Stop checkpoint(int index, String description, String fingerprint, Supplier<String> screenshot) {
        Instant now = Instant.now();
        ApprovalVerifier.Check check = approvals == null
                ? new ApprovalVerifier.Check(false, "no approval key is configured, so no approval can be accepted")
                : approvals.verifyAny(task.approvals(), fingerprint, task.identityId(), task.identityOwner(), now);
        boolean alreadyUsed = check.accepted() && !usedApprovals.add(fingerprint);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("step", index);
        entry.put("fingerprint", fingerprint);
        entry.put("accepted", check.accepted() && !alreadyUsed);
        entry.put("problem", alreadyUsed ? "the approval was already used in this run" : check.problem());
        entry.put("approvals", approvalsFor(fingerprint));
        recorder.append("approval-check", entry);
        if (check.accepted() && !alreadyUsed) {
            lastStepApproved = true;
            return null;
        }
        String screenshotPath = screenshot.get();
        PendingAction pending = new PendingAction(index, description, fingerprint, bundleDirectory.resolve(screenshotPath),
                now.plus(checkpointValidity));
        recorder.append("checkpoint-pending", Map.of("step", index, "description", description,
                "fingerprint", fingerprint, "screenshot", screenshotPath, "expiresAt", pending.expiresAt().toString()));
        return new Stop.Pending(pending);
    }

    /** Returns who decided the offered approvals of {@code fingerprint}, for the journal. */
    private List<Map<String, Object>> approvalsFor(String fingerprint) {
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Approval approval : task.approvals()) {
            if (fingerprint.equals(approval.fingerprint())) {
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("approver", approval.approver());
                decision.put("decision", approval.decision());
                decision.put("decidedAt", String.valueOf(approval.decidedAt()));
                decision.put("expiresAt", String.valueOf(approval.expiresAt()));
                decision.put("keyId", approval.keyId());
                decision.put("signature", approval.signature());
                decisions.add(decision);
            }
        }
        return decisions;
    }
}
