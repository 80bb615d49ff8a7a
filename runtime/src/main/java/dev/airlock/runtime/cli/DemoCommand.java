package dev.airlock.runtime.cli;

import dev.airlock.examples.demoapp.DemoApp;
import dev.airlock.examples.demoapp.DemoAppOptions;
import dev.airlock.runtime.AirlockRuntimeApplication;
import dev.airlock.runtime.approval.ApprovalDesk;
import dev.airlock.runtime.approval.PendingApproval;
import dev.airlock.runtime.demo.DemoFiles;
import dev.airlock.runtime.demo.DemoReport;
import dev.airlock.runtime.demo.InvoiceDemo;
import dev.airlock.runtime.demo.ProcessState;
import dev.airlock.runtime.demo.ProcessWatcher;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the invoice demo end to end on the embedded local engine. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the invoice demo end to end on the embedded local engine.",
      "Starts the runtime with the local engine and the demo invoice app, deploys the invoice",
      "process and runs it to the payment approval, then on to completion. Approve in the task",
      "list or with './airlock approve' from a second terminal."
    })
public final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = ".airlock/demo",
      description =
          "Folder of the demo's engine data, evidence and signing key. The engine data and evidence of an earlier"
              + " demo are deleted at start; the key is kept. Defaults to ${DEFAULT-VALUE}.")
  Path dataDirectory;

  @Option(
      names = "--engine-port",
      defaultValue = "8088",
      description = "Port of the local engine's REST API and UI. Defaults to ${DEFAULT-VALUE}.")
  int enginePort;

  @Option(
      names = "--app-port",
      defaultValue = "8086",
      description = "Port of the demo invoice app. Defaults to ${DEFAULT-VALUE}.")
  int appPort;

  @Option(
      names = "--approve-as",
      description = "Approve the payment automatically as this user, for unattended runs.")
  String autoApprover;

  @Option(
      names = "--keep-running",
      description = "Keep the engine, task list and history running after the process ends, until Ctrl-C.")
  boolean keepRunning;

  @Option(
      names = "--timeout",
      defaultValue = "PT30M",
      description = "How long to wait for each stage, as an ISO-8601 duration. Defaults to ${DEFAULT-VALUE}.")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    Ports.requireValid(appPort, "--app-port");
    Ports.requireValid(enginePort, "--engine-port");
    Ports.requireFree(appPort, "--app-port");
    Ports.requireFree(enginePort, "--engine-port");
    try (DemoApp app = DemoApp.start(DemoAppOptions.defaults().withPort(appPort))) {
      resetDataDirectory();
      try (ConfigurableApplicationContext runtime = startRuntime(app.baseUrl())) {
        return run(app, runtime);
      }
    }
  }

  private int run(DemoApp app, ConfigurableApplicationContext runtime) throws Exception {
    CamundaClient client = runtime.getBean(CamundaClient.class);
    URI engine = URI.create(runtime.getEnvironment().getRequiredProperty("airlock.engine.rest-address"));
    DemoReport report = new DemoReport(System.out, engine, dataDirectory);

    InvoiceDemo demo = new InvoiceDemo(client);
    demo.deploy();
    long instanceKey = demo.start(app.baseUrl());
    report.started(instanceKey, app.baseUrl());

    ProcessWatcher watcher = new ProcessWatcher(client);
    Set<Long> reported = new HashSet<>();
    ProcessState state = watcher.await(instanceKey, timeout);
    while (state instanceof ProcessState.AwaitingApproval awaiting) {
      boolean repeatedApproval = !reported.isEmpty();
      reported.add(awaiting.approval().userTaskKey());
      if (repeatedApproval && autoApprover != null) {
        // The runtime ignored the automatic decision, for example because the approver is the
        // agent identity or its owner; deciding again the same way would loop.
        return report.decisionIgnored(awaiting.approval(), autoApprover);
      }
      report.awaitingApproval(awaiting.approval());
      decideIfUnattended(client, awaiting.approval());
      state = watcher.await(instanceKey, timeout, reported);
    }
    int exitCode = report.finished(state, app.paymentCount(InvoiceDemo.INVOICE_ID));
    if (keepRunning) {
      System.out.printf("The engine, its task list and history stay up at %s until Ctrl-C.%n", engine);
      Shutdown.awaitClose(runtime);
    }
    return exitCode;
  }

  /**
   * Empties the engine's data and the evidence of earlier demo runs, which the fresh engine's
   * reused keys would otherwise clash with. The signing key is kept, so that earlier bundles stay
   * tied to it.
   */
  private void resetDataDirectory() throws IOException {
    boolean engineData = FileSystemUtils.deleteRecursively(dataDirectory.resolve("engine"));
    boolean evidence = FileSystemUtils.deleteRecursively(dataDirectory.resolve("evidence"));
    if (engineData || evidence) {
      System.out.println(
          "Deleted the engine data and evidence of the previous demo in " + dataDirectory
              + " (pass another --data folder to keep them).");
    }
  }

  private ConfigurableApplicationContext startRuntime(URI demoApp) throws IOException {
    return AirlockRuntimeApplication.start(
        "--airlock.identities-file=" + DemoFiles.writeIdentities(dataDirectory, demoApp),
        "--AIRLOCK_DEMO_USERNAME=" + DemoAppOptions.DEFAULT_USERNAME,
        "--AIRLOCK_SECRET_AIRLOCK_DEMO_PASSWORD=" + DemoAppOptions.DEFAULT_PASSWORD,
        "--airlock.engine.enabled=true",
        "--airlock.engine.port=" + enginePort,
        "--airlock.engine.data-directory=" + dataDirectory.resolve("engine"),
        "--airlock.evidence-directory=" + dataDirectory.resolve("evidence"),
        "--airlock.keys-directory=" + dataDirectory.resolve("keys"),
        "--server.port=0");
  }

  private void decideIfUnattended(CamundaClient client, PendingApproval approval) {
    if (autoApprover != null) {
      new ApprovalDesk(client)
          .decide(approval.userTaskKey(), autoApprover, true, "approved by ./airlock demo --approve-as");
      System.out.println("Approved automatically as " + autoApprover + ".");
    }
  }
}
