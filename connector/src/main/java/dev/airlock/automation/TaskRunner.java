package dev.airlock.automation;

import dev.airlock.egress.OriginAllowlist;
import dev.airlock.evidence.BundleInfo;
import dev.airlock.evidence.EvidenceRecorder;
import dev.airlock.evidence.SigningKey;
import dev.airlock.policy.ApprovalVerifier;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.sandbox.SandboxManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs browser tasks, each in a fresh sandbox, under a risk policy, and records each into a sealed evidence bundle.
 *
 * <p>For each step: the policy decision is journalled; an acting step gets a before screenshot; the step runs; an
 * after screenshot and the result are journalled. A step the policy denies, or a checkpointed step without a valid
 * approval for its exact fingerprint, ends the task before the action.
 *
 * <p>NOTE: run a task on one thread from start to end, because the sandbox's Playwright objects are confined to the
 * thread that created them. Separate threads may run separate tasks.
 */
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** Step timeout when a step sets none. */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(30);
    /** How long a pending checkpoint stays open for a decision. */
    public static final Duration DEFAULT_CHECKPOINT_VALIDITY = Duration.ofHours(24);

    private final SandboxManager sandboxes;
    private final SigningKey evidenceKey;
    private final RiskPolicy policy;
    private final ApprovalVerifier approvals;
    private final Duration checkpointValidity;
    private final IdentityCheck identityCheck;

    /**
     * @param sandboxes where tasks run
     * @param evidenceKey key that signs the bundle manifests
     * @param policy classifies each step
     * @param approvals checks approvals for checkpointed steps; null means no approval is ever accepted
     */
    public TaskRunner(SandboxManager sandboxes, SigningKey evidenceKey, RiskPolicy policy, ApprovalVerifier approvals) {
        this(sandboxes, evidenceKey, policy, approvals, DEFAULT_CHECKPOINT_VALIDITY);
    }

    public TaskRunner(SandboxManager sandboxes, SigningKey evidenceKey, RiskPolicy policy, ApprovalVerifier approvals,
            Duration checkpointValidity) {
        this(sandboxes, evidenceKey, policy, approvals, checkpointValidity, IdentityCheck.NONE);
    }

    private TaskRunner(SandboxManager sandboxes, SigningKey evidenceKey, RiskPolicy policy, ApprovalVerifier approvals,
            Duration checkpointValidity, IdentityCheck identityCheck) {
        this.sandboxes = Objects.requireNonNull(sandboxes, "sandboxes");
        this.evidenceKey = Objects.requireNonNull(evidenceKey, "evidenceKey");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.approvals = approvals;
        this.checkpointValidity = checkpointValidity;
        this.identityCheck = Objects.requireNonNull(identityCheck, "identityCheck");
    }

    /** Returns a runner that runs {@code check} before each step and denies the step when it throws. */
    public TaskRunner withIdentityCheck(IdentityCheck check) {
        return new TaskRunner(sandboxes, evidenceKey, policy, approvals, checkpointValidity, check);
    }

    /**
     * Runs a task and seals its evidence into {@code bundleDirectory} and {@code <bundleDirectory>.zip}.
     *
     * @throws InvalidTaskException if the task cannot run as written; nothing was started
     * @throws dev.airlock.sandbox.SandboxException if the sandbox could not start; the bundle was sealed
     * @throws TaskFailedException if a step failed or evidence could not be written; what was recorded is sealed
     */
    public TaskOutcome run(BrowserTask task, Path bundleDirectory) {
        OriginAllowlist allowlist = TaskValidator.validate(task);
        Instant started = Instant.now();
        String bundleId = task.taskId() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
        BundleInfo info = new BundleInfo(bundleId, task.identityId(), sandboxes.containment().name(), started);
        try (EvidenceRecorder recorder = EvidenceRecorder.open(bundleDirectory, info, evidenceKey)) {
            StepGate gate = new StepGate(task, policy, approvals, checkpointValidity, recorder, bundleDirectory,
                    identityCheck);
            TaskRun run = new TaskRun(task, allowlist, recorder, gate, started.plus(task.totalTimeout()));
            LOG.info("Task {} started as identity {}, bundle {}", task.taskId(), task.identityId(), bundleId);
            TaskOutcome outcome = run.execute(sandboxes);
            LOG.info("Task {} ended: {}, bundle {}", task.taskId(), outcome.getClass().getSimpleName(), bundleId);
            return outcome;
        }
    }
}
