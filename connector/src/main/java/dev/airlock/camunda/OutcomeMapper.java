package dev.airlock.camunda;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.automation.TaskOutcome;
import dev.airlock.automation.TaskOutcome.CheckpointPending;
import dev.airlock.automation.TaskOutcome.Completed;
import dev.airlock.automation.TaskOutcome.PolicyDenied;
import dev.airlock.camunda.model.BrowserTaskResult;
import dev.airlock.camunda.model.DocumentReferenceVariable;
import dev.airlock.camunda.model.EvidenceSummary;
import dev.airlock.camunda.model.PendingActionVariable;
import dev.airlock.camunda.model.TaskResult;
import dev.airlock.policy.Approval;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a task outcome into the connector's result or into the exception carrying an Airlock error
 * code, after uploading the evidence either way.
 *
 * <p>The element template's default error expression turns each Airlock error code into a BPMN
 * error. Where a designer removes that mapping, the connector runtime treats the exception as a job
 * failure and retries the job like any other failure.
 */
final class OutcomeMapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OutcomeMapper() {}

  static BrowserTaskResult map(
      TaskOutcome outcome, EvidenceUploader uploader, String identityId, int stepCount, List<Approval> approvals) {
    DocumentReferenceVariable zip = uploader.uploadBundle();
    return switch (outcome) {
      case Completed completed -> completed(completed, uploader, identityId, stepCount, zip);
      case CheckpointPending pending -> throw checkpoint(pending, uploader, identityId, stepCount, zip, approvals);
      case PolicyDenied denied -> throw denied(denied, uploader, identityId, stepCount, zip);
    };
  }

  private static BrowserTaskResult completed(
      Completed completed, EvidenceUploader uploader, String identityId, int stepCount, DocumentReferenceVariable zip) {
    uploader.uploadFinalScreenshot();
    Map<String, DocumentReferenceVariable> downloads = new LinkedHashMap<>();
    completed.downloads().forEach((name, file) -> downloads.put(name, uploader.uploadDownload(file.bundlePath())));
    TaskResult result = new TaskResult("COMPLETED", Map.copyOf(completed.extracted()), downloads);
    EvidenceSummary evidence = uploader.summary(identityId, stepCount, zip);
    return new BrowserTaskResult(result, evidence, List.copyOf(uploader.uploaded()));
  }

  private static ConnectorException checkpoint(
      CheckpointPending pending,
      EvidenceUploader uploader,
      String identityId,
      int stepCount,
      DocumentReferenceVariable zip,
      List<Approval> approvals) {
    var action = pending.action();
    DocumentReferenceVariable screenshot =
        action.screenshot() == null ? null : uploader.uploadScreenshot(action.screenshot());
    EvidenceSummary evidence = uploader.summary(identityId, stepCount, zip);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("airlockEvidence", toMap(evidence));
    variables.put("airlockDocuments", toList(uploader.uploaded()));
    boolean rejected =
        approvals.stream()
            .anyMatch(a -> "REJECTED".equals(a.decision()) && a.fingerprint().equals(action.fingerprint()));
    if (rejected) {
      variables.put("airlockRejectedAction", toMap(pendingVariable(action, screenshot, evidence)));
      return airlockError(
          AirlockErrorCodes.REJECTED,
          "An approver rejected step " + action.stepIndex() + " (" + action.description()
              + "); the task stopped before it",
          variables);
    }
    variables.put("airlockCheckpoint", toMap(pendingVariable(action, screenshot, evidence)));
    return airlockError(
        AirlockErrorCodes.CHECKPOINT,
        "Step " + action.stepIndex() + " needs approval: " + action.description(),
        variables);
  }

  private static ConnectorException denied(
      PolicyDenied denied, EvidenceUploader uploader, String identityId, int stepCount, DocumentReferenceVariable zip) {
    EvidenceSummary evidence = uploader.summary(identityId, stepCount, zip);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(
        "airlockPolicyDenial",
        Map.of("stepIndex", denied.stepIndex(), "rule", denied.rule(), "reason", denied.reason()));
    variables.put("airlockEvidence", toMap(evidence));
    variables.put("airlockDocuments", toList(uploader.uploaded()));
    return airlockError(
        AirlockErrorCodes.POLICY_DENIED,
        "steps[" + denied.stepIndex() + "]: denied by policy rule '" + denied.rule() + "': " + denied.reason(),
        variables);
  }

  private static PendingActionVariable pendingVariable(
      dev.airlock.automation.PendingAction action, DocumentReferenceVariable screenshot, EvidenceSummary evidence) {
    return new PendingActionVariable(
        action.stepIndex(),
        action.description(),
        action.fingerprint(),
        action.expiresAt() == null ? null : action.expiresAt().toString(),
        screenshot,
        evidence.bundleId());
  }

  /**
   * Builds the exception for an Airlock error code. The connector runtime hands its code, message
   * and variables to the error expression as {@code error.code}, {@code error.message} and {@code
   * error.variables}.
   */
  static ConnectorException airlockError(String code, String message, Map<String, Object> variables) {
    return new ConnectorExceptionBuilder().errorCode(code).message(message).errorVariables(variables).build();
  }

  private static Map<String, Object> toMap(Object value) {
    return JSON.convertValue(value, new TypeReference<>() {});
  }

  private static List<Object> toList(List<DocumentReferenceVariable> references) {
    return JSON.convertValue(references, new TypeReference<>() {});
  }
}
