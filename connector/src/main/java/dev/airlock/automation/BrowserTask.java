package dev.airlock.automation;

import dev.airlock.policy.Approval;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One browser task: where it starts, where it may go, what it does and what it records.
 *
 * @param taskId id used in logs and in the bundle id
 * @param startUrl the first page, which must be on the allowlist
 * @param allowedOrigins origins the browser may contact, as {@code scheme://host[:port]}
 * @param steps the steps, run in order
 * @param totalTimeout limit for the whole task, browser start included
 * @param inputFiles files an upload step may use, by name
 * @param approvals signed decisions for checkpointed actions
 * @param credentials secrets by name, typed through {@code {"secret": "name"}} values and never recorded
 * @param evidence what is recorded besides the journal
 * @param identityId agent identity the task runs as
 * @param identityOwner person responsible for the identity, who may not approve its actions
 */
public record BrowserTask(String taskId, String startUrl, List<String> allowedOrigins, List<Step> steps,
        Duration totalTimeout, Map<String, Path> inputFiles, List<Approval> approvals, Map<String, String> credentials,
        EvidenceOptions evidence, String identityId, String identityOwner) {

    /** Total timeout when a task sets none. */
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofMinutes(5);

    public BrowserTask {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        steps = steps == null ? List.of() : List.copyOf(steps);
        totalTimeout = totalTimeout == null ? DEFAULT_TOTAL_TIMEOUT : totalTimeout;
        inputFiles = inputFiles == null ? Map.of() : Map.copyOf(inputFiles);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        evidence = evidence == null ? EvidenceOptions.defaults() : evidence;
    }

    /** Returns a copy with these credentials, for callers that resolve secrets after parsing. */
    public BrowserTask withCredentials(Map<String, String> newCredentials) {
        return new BrowserTask(taskId, startUrl, allowedOrigins, steps, totalTimeout, inputFiles, approvals,
                newCredentials, evidence, identityId, identityOwner);
    }

    /** Returns a copy with these approvals. */
    public BrowserTask withApprovals(List<Approval> newApprovals) {
        return new BrowserTask(taskId, startUrl, allowedOrigins, steps, totalTimeout, inputFiles, newApprovals,
                credentials, evidence, identityId, identityOwner);
    }

    /** Returns the task without secrets: credential names are kept, their values are not. */
    @Override
    public String toString() {
        return "BrowserTask[taskId=" + taskId + ", startUrl=" + startUrl + ", allowedOrigins=" + allowedOrigins
                + ", steps=" + steps.size() + ", totalTimeout=" + totalTimeout + ", inputFiles=" + inputFiles.keySet()
                + ", approvals=" + approvals.size() + ", credentials=" + credentials.keySet() + ", evidence=" + evidence
                + ", identityId=" + identityId + "]";
    }
}
