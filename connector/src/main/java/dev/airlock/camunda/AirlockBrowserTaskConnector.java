package dev.airlock.camunda;

import dev.airlock.automation.BrowserTask;
import dev.airlock.automation.InvalidTaskException;
import dev.airlock.automation.TaskFailedException;
import dev.airlock.automation.TaskOutcome;
import dev.airlock.camunda.RequestReader.ReadRequest;
import dev.airlock.camunda.model.BrowserTaskRequest;
import dev.airlock.camunda.model.BrowserTaskResult;
import dev.airlock.identity.AgentIdentity;
import dev.airlock.identity.IdentityException;
import dev.airlock.identity.IdentityRegistry;
import dev.airlock.identity.IdentityScope;
import dev.airlock.identity.SecretResolver;
import dev.airlock.policy.Approval;
import dev.airlock.sandbox.SandboxException;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a browser task in a disposable sandbox as a named agent identity, stops for approval before
 * high-risk actions and uploads the sealed evidence as Camunda documents.
 */
@OutboundConnector(
    name = "Airlock browser task",
    type = AirlockBrowserTaskConnector.JOB_TYPE,
    inputVariables = {
      "identityId", "startUrl", "allowedOrigins", "steps", "inputFiles", "totalTimeout",
      "approvalValidity", "recordVideo", "recordTrace", "documentTimeToLive"
    })
@ElementTemplate(
    id = "dev.airlock.browser-task",
    name = "Airlock browser task",
    version = 1,
    engineVersion = "^8.8",
    description =
        "Runs browser steps in a disposable sandbox as an agent identity, stops for approval before"
            + " high-risk actions and records signed evidence",
    icon = "dev/airlock/camunda/airlock-icon.svg",
    metadata = @ElementTemplate.Metadata(keywords = {"browser", "automation", "approval", "evidence", "sandbox"}),
    inputDataClass = BrowserTaskRequest.class,
    outputDataClass = BrowserTaskResult.class,
    defaultResultExpression =
        "={airlockResult: result, airlockEvidence: evidence, airlockDocuments: documents}",
    propertyGroups = {
      @PropertyGroup(id = "target", label = "Target"),
      @PropertyGroup(id = "steps", label = "Steps"),
      @PropertyGroup(id = "identity", label = "Identity"),
      @PropertyGroup(id = "policy", label = "Policy"),
      @PropertyGroup(id = "evidence", label = "Evidence")
    })
public final class AirlockBrowserTaskConnector implements OutboundConnectorFunction {

  public static final String JOB_TYPE = "dev.airlock:browser-task:1";

  private static final Logger log = LoggerFactory.getLogger(AirlockBrowserTaskConnector.class);

  private final IdentityRegistry identities;
  private final SecretResolver secrets;
  private final ApprovalSource approvals;
  private final TaskExecution execution;
  private final AirlockConnectorSettings settings;
  private final ConsumedApprovals consumedApprovals;

  public AirlockBrowserTaskConnector(
      IdentityRegistry identities,
      SecretResolver secrets,
      ApprovalSource approvals,
      TaskExecution execution,
      AirlockConnectorSettings settings) {
    this.identities = identities;
    this.secrets = secrets;
    this.approvals = approvals;
    this.execution = execution;
    this.settings = settings;
    this.consumedApprovals = new ConsumedApprovals(settings.evidenceDirectory().resolve("used-approvals.txt"));
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    JobContext job = context.getJobContext();
    ReadRequest request =
        RequestReader.read(context.bindVariables(BrowserTaskRequest.class), settings.maxTotalTimeout());
    Instant now = settings.clock().instant();
    AgentIdentity identity = authorize(request, now);
    Map<String, String> credentials = credentials(identity);
    List<Approval> decisions =
        issuedOnly(
            consumedApprovals.unused(
                approvals.approvals(job.getProcessInstanceKey(), identity, request.approvalValidity()),
                settings.evidenceDirectory(),
                job.getProcessInstanceKey()),
            job.getProcessInstanceKey());

    String taskId = taskId(job);
    log.info(
        "Starting browser task {} for process instance {} element {} as agent identity {} with {} approval decisions",
        taskId, job.getProcessInstanceKey(), job.getElementId(), identity.id(), decisions.size());
    Path bundleDirectory = settings.evidenceDirectory().resolve(taskId);
    try (InputFiles inputFiles = InputFiles.write(request.inputFiles())) {
      BrowserTask task = TaskAssembler.assemble(taskId, request, identity, credentials, decisions, inputFiles.paths());
      TaskOutcome outcome;
      try {
        outcome = execution.run(task, bundleDirectory);
      } finally {
        // Whatever the run's end, an approval it accepted must not allow its action again.
        consumedApprovals.recordUsed(bundleDirectory, taskId, decisions);
      }
      log.info("Browser task {} of process instance {} ended with {}", taskId, job.getProcessInstanceKey(),
          outcome.getClass().getSimpleName());
      EvidenceUploader uploader = new EvidenceUploader(context, request.documentTimeToLive(), outcome.bundle());
      return OutcomeMapper.map(outcome, uploader, identity.id(), request.steps().size(), decisions);
    } catch (InvalidTaskException e) {
      throw new ConnectorInputException(e.getMessage(), e);
    } catch (TaskFailedException e) {
      throw retryable(taskId, job, e);
    } catch (SandboxException e) {
      throw retryable(taskId, job, e);
    }
  }

  /**
   * Keeps the decisions on actions that an earlier run of this instance stopped at and that no
   * run has performed since. A user task that carries some other fingerprint did not come from an
   * open Airlock checkpoint.
   */
  private List<Approval> issuedOnly(List<Approval> decisions, long processInstanceKey) {
    Set<String> issued = InstanceJournals.openCheckpoints(settings.evidenceDirectory(), processInstanceKey);
    List<Approval> kept = new ArrayList<>();
    for (Approval decision : decisions) {
      if (issued.contains(decision.fingerprint())) {
        kept.add(decision);
      } else {
        log.warn(
            "Ignoring the decision by {} in process instance {} on action {}: no open checkpoint of this instance is for that action",
            decision.approver(), processInstanceKey, decision.fingerprint());
      }
    }
    return kept;
  }

  private static ConnectorRetryException retryable(String taskId, JobContext job, RuntimeException e) {
    log.warn("Browser task {} of process instance {} failed: {}", taskId, job.getProcessInstanceKey(), e.getMessage());
    return ConnectorRetryException.builder()
        .message("Browser task " + taskId + " failed: " + e.getMessage())
        .cause(e)
        .build();
  }

  // Revocation and expiry are checked here before the sandbox starts. A runner built with
  // TaskRunner.withIdentityCheck, as the runtime builds it, checks them again before each step.
  private AgentIdentity authorize(ReadRequest request, Instant now) {
    try {
      AgentIdentity identity = identities.require(request.identityId(), now);
      IdentityScope.check(identity, request.startUrl(), request.allowedOrigins(), TaskAssembler.actions(request.steps()));
      return identity;
    } catch (IdentityException e) {
      throw identityInvalid(e);
    }
  }

  private Map<String, String> credentials(AgentIdentity identity) {
    try {
      return secrets.resolve(identity);
    } catch (IdentityException e) {
      throw identityInvalid(e);
    }
  }

  private static ConnectorException identityInvalid(IdentityException e) {
    log.warn("Rejected a browser task request: {}", e.getMessage());
    return OutcomeMapper.airlockError(
        AirlockErrorCodes.IDENTITY_INVALID,
        e.getMessage(),
        Map.of("airlockIdentityProblem", Map.of("field", e.field(), "message", e.getMessage())));
  }

  private static String taskId(JobContext job) {
    return "task-" + job.getProcessInstanceKey() + "-" + job.getElementInstanceKey() + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Runs a browser task and seals its evidence in a bundle folder; {@code TaskRunner::run} in production. */
  @FunctionalInterface
  public interface TaskExecution {
    TaskOutcome run(BrowserTask task, Path bundleDirectory);
  }
}
