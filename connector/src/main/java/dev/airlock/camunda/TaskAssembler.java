package dev.airlock.camunda;

import dev.airlock.automation.BrowserTask;
import dev.airlock.automation.EvidenceOptions;
import dev.airlock.automation.Step;
import dev.airlock.camunda.RequestReader.ReadRequest;
import dev.airlock.identity.AgentIdentity;
import dev.airlock.policy.Approval;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds the sandbox's {@link BrowserTask} from a checked request and its resolved identity. */
final class TaskAssembler {

  private TaskAssembler() {}

  static BrowserTask assemble(
      String taskId,
      ReadRequest request,
      AgentIdentity identity,
      Map<String, String> credentials,
      List<Approval> approvals,
      Map<String, Path> inputFiles) {
    return new BrowserTask(
        taskId,
        request.startUrl(),
        request.allowedOrigins(),
        request.steps(),
        request.totalTimeout(),
        inputFiles,
        approvals,
        credentials,
        new EvidenceOptions(true, request.recordTrace(), request.recordVideo()),
        identity.id(),
        identity.owner());
  }

  /** Returns the action name of each step, in step order. */
  static List<String> actions(List<Step> steps) {
    return steps.stream().map(Step::action).toList();
  }
}
