package dev.airlock.runtime.cli;

import dev.airlock.runtime.approval.ApprovalDesk;
import dev.airlock.runtime.approval.PendingApproval;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Decides a pending Airlock approval through the engine's REST API. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approves (or with --reject, rejects) the pending action of an Airlock browser task.",
      "With one pending approval it is chosen; with several, name one with --task."
    })
public final class ApproveCommand implements Callable<Integer> {

  @Option(
      names = "--engine",
      defaultValue = "http://127.0.0.1:8088",
      description = "REST address of the engine (without /v2). Defaults to ${DEFAULT-VALUE}.")
  URI engine;

  @Option(names = "--list", description = "List the pending approvals and decide none.")
  boolean list;

  @Option(names = "--task", description = "Key of the approval user task to decide.")
  Long userTaskKey;

  @Option(
      names = "--as",
      description = "Name of the approver. Defaults to the USER environment variable.")
  String approver = System.getenv().getOrDefault("USER", System.getProperty("user.name"));

  @Option(names = "--reject", description = "Reject the action instead of approving it.")
  boolean reject;

  @Option(names = "--comment", defaultValue = "", description = "Comment recorded with the decision.")
  String comment;

  @Override
  public Integer call() {
    try (CamundaClient client = Clients.rest(engine)) {
      ApprovalDesk desk = new ApprovalDesk(client);
      List<PendingApproval> pending = Clients.call(engine, () -> desk.pending(null));
      if (list) {
        print(pending);
        return 0;
      }
      PendingApproval approval = choose(pending);
      desk.decide(approval.userTaskKey(), approver, !reject, comment);
      System.out.printf(
          "%s by %s: %s (user task %d, process instance %d)%n",
          reject ? "Rejected" : "Approved",
          approver,
          approval.description(),
          approval.userTaskKey(),
          approval.processInstanceKey());
      return 0;
    }
  }

  private void print(List<PendingApproval> pending) {
    if (pending.isEmpty()) {
      System.out.println("No approval is pending at " + engine + ".");
    }
    pending.forEach(
        approval ->
            System.out.printf(
                "--task %d  %s (process instance %d)%n",
                approval.userTaskKey(), approval.description(), approval.processInstanceKey()));
  }

  private PendingApproval choose(List<PendingApproval> pending) {
    if (userTaskKey != null) {
      return pending.stream()
          .filter(approval -> approval.userTaskKey() == userTaskKey)
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no pending approval with user task key "
                          + userTaskKey
                          + " at "
                          + engine
                          + "; list the pending ones with ./airlock approve --list"));
    }
    if (pending.isEmpty()) {
      throw new IllegalStateException(
          "no pending approval at "
              + engine
              + "; check that the demo or runtime is running and has reached the approval");
    }
    if (pending.size() > 1) {
      StringBuilder list = new StringBuilder();
      pending.forEach(
          approval ->
              list.append(System.lineSeparator())
                  .append("  --task ")
                  .append(approval.userTaskKey())
                  .append("  ")
                  .append(approval.description()));
      throw new IllegalStateException(
          pending.size() + " approvals are pending; choose one with --task:" + list);
    }
    return pending.get(0);
  }
}
