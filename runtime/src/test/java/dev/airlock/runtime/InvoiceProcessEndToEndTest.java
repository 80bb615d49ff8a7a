package dev.airlock.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.evidence.BundleVerifier;
import dev.airlock.evidence.VerificationResult;
import dev.airlock.examples.demoapp.DemoApp;
import dev.airlock.examples.demoapp.DemoAppOptions;
import dev.airlock.runtime.approval.ApprovalDesk;
import dev.airlock.runtime.demo.InvoiceDemo;
import dev.airlock.runtime.demo.ProcessState;
import dev.airlock.runtime.demo.ProcessWatcher;
import io.camunda.client.CamundaClient;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The invoice process end to end: the real connector runtime and camunda-client-java against the
 * embedded local engine, real Chromium in a sandbox, the demo invoice app on loopback.
 */
class InvoiceProcessEndToEndTest {

  private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(3);

  @TempDir static Path data;

  static DemoApp app;
  static URI appThatIsDown;
  static ConfigurableApplicationContext runtime;
  static CamundaClient client;
  static InvoiceDemo demo;
  static ProcessWatcher watcher;

  @BeforeAll
  static void startRuntime() throws Exception {
    app = DemoApp.start(DemoAppOptions.defaults());
    try (DemoApp stopped = DemoApp.start(DemoAppOptions.defaults())) {
      appThatIsDown = stopped.baseUrl();
    }
    runtime = TestRuntime.start(data, List.of(app.baseUrl(), appThatIsDown));
    client = runtime.getBean(CamundaClient.class);
    demo = new InvoiceDemo(client);
    demo.deploy();
    watcher = new ProcessWatcher(client);
  }

  @AfterAll
  static void stopRuntime() {
    if (runtime != null) {
      runtime.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void approvedPaymentHappensOnceAndEvidenceVerifies() throws Exception {
    int paymentsBefore = app.paymentCount(InvoiceDemo.INVOICE_ID);
    long instance = demo.start(app.baseUrl());

    ProcessState first = watcher.await(instance, STAGE_TIMEOUT);
    assertThat(first).as("state before the approval").isInstanceOf(ProcessState.AwaitingApproval.class);
    var approval = ((ProcessState.AwaitingApproval) first).approval();
    assertThat(approval.description()).containsIgnoringCase("pay");
    assertThat(app.paymentCount(InvoiceDemo.INVOICE_ID)).as("payments before approval").isEqualTo(paymentsBefore);

    new ApprovalDesk(client).decide(approval.userTaskKey(), "alice", true, "total checked");

    ProcessState end = watcher.await(instance, STAGE_TIMEOUT);
    assertThat(end).as("state after the approval").isInstanceOf(ProcessState.Completed.class);
    assertThat(app.paymentCount(InvoiceDemo.INVOICE_ID)).as("payments after approval").isEqualTo(paymentsBefore + 1);

    Map<String, Object> variables = ((ProcessState.Completed) end).variables();
    assertThat(variables).containsKeys("airlockResult", "airlockEvidence", "airlockDocuments");
    assertThat(variables.get("airlockDecision")).isEqualTo("APPROVED");
    assertEvidenceDocumentsVerify(variables.get("airlockDocuments"));
  }

  @Test
  void rejectionEndsOnRejectionPathWithoutPayment() throws Exception {
    int paymentsBefore = app.paymentCount(InvoiceDemo.INVOICE_ID);
    long instance = demo.start(app.baseUrl());

    ProcessState first = watcher.await(instance, STAGE_TIMEOUT);
    assertThat(first).isInstanceOf(ProcessState.AwaitingApproval.class);
    var approval = ((ProcessState.AwaitingApproval) first).approval();
    new ApprovalDesk(client).decide(approval.userTaskKey(), "bob", false, "wrong amount");

    ProcessState end = watcher.await(instance, STAGE_TIMEOUT);
    assertThat(end).isInstanceOf(ProcessState.Completed.class);
    assertThat(((ProcessState.Completed) end).variables().get("airlockDecision")).isEqualTo("REJECTED");
    assertThat(completedEndEvents(instance)).containsExactly("Rejected");
    assertThat(app.paymentCount(InvoiceDemo.INVOICE_ID)).as("payments after rejection").isEqualTo(paymentsBefore);
  }

  @Test
  void approveCommandDecidesPendingApproval() throws Exception {
    long instance = demo.start(app.baseUrl());
    ProcessState first = watcher.await(instance, STAGE_TIMEOUT);
    assertThat(first).isInstanceOf(ProcessState.AwaitingApproval.class);
    long userTask = ((ProcessState.AwaitingApproval) first).approval().userTaskKey();
    String engine = runtime.getEnvironment().getProperty("airlock.engine.rest-address");

    int exitCode =
        AirlockCli.commandLine()
            .execute("approve", "--engine", engine, "--task", String.valueOf(userTask), "--as", "carol", "--reject");

    assertThat(exitCode).isZero();
    var task = client.newUserTaskGetRequest(userTask).send().join();
    assertThat(task.getAssignee()).as("assignee recorded by the engine").isEqualTo("carol");
    ProcessState end = watcher.await(instance, STAGE_TIMEOUT);
    assertThat(((ProcessState.Completed) end).variables().get("airlockDecision")).isEqualTo("REJECTED");
  }

  @Test
  void unreachableTargetIsRetriedThenBecomesIncident() throws Exception {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("processes/unreachable-target.bpmn")
        .send()
        .join();
    String target = appThatIsDown.toString().replaceAll("/+$", "");
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("airlock-unreachable-target")
            .latestVersion()
            .variables(Map.of("targetUrl", target))
            .send()
            .join()
            .getProcessInstanceKey();

    ProcessState end = watcher.await(instance, STAGE_TIMEOUT);

    assertThat(end).as("state after the retries").isInstanceOf(ProcessState.Incident.class);
    ProcessState.Incident incident = (ProcessState.Incident) end;
    assertThat(incident.elementId()).isEqualTo("BrowserTask");
    assertThat(incident.message()).as("incident message").contains(target).containsIgnoringCase("fail");
    List<Instant> attempts = attemptStarts(instance);
    assertThat(attempts).as("attempts, one per retry").hasSize(3);
    for (int attempt = 1; attempt < attempts.size(); attempt++) {
      assertThat(Duration.between(attempts.get(attempt - 1), attempts.get(attempt)))
          .as("pause before attempt %d, the configured retryBackoff is PT3S", attempt + 1)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
  }

  /** Reads when each attempt of the instance's browser task started, from its evidence bundles. */
  private List<Instant> attemptStarts(long instance) throws Exception {
    List<Instant> starts = new java.util.ArrayList<>();
    try (var bundles = Files.list(data.resolve("evidence"))) {
      for (Path manifest :
          bundles
              .filter(path -> Files.isDirectory(path) && path.getFileName().toString().startsWith("task-" + instance + "-"))
              .map(path -> path.resolve("manifest.json"))
              .toList()) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
        starts.add(Instant.parse(json.get("startedAt").asText()));
      }
    }
    starts.sort(null);
    return starts;
  }

  private List<String> completedEndEvents(long instance) {
    return client
        .newElementInstanceSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance))
        .send()
        .join()
        .items()
        .stream()
        .filter(element -> element.getType().name().equals("END_EVENT"))
        .map(element -> element.getElementId())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private void assertEvidenceDocumentsVerify(Object documents) throws Exception {
    assertThat(documents).as("airlockDocuments").isInstanceOf(List.class);
    List<Map<String, Object>> references = (List<Map<String, Object>>) documents;
    assertThat(references).isNotEmpty();
    assertThat(references).allSatisfy(reference -> assertThat(reference).containsKeys("camunda.document.type", "documentId", "metadata"));

    List<Map<String, Object>> bundles =
        references.stream()
            .filter(reference -> String.valueOf(((Map<String, Object>) reference.get("metadata")).get("fileName")).endsWith(".zip"))
            .toList();
    assertThat(bundles).as("bundle documents").isNotEmpty();
    for (Map<String, Object> bundle : bundles) {
      Path zip = Files.createTempFile(data, "bundle", ".zip");
      try (InputStream content =
          client.newDocumentContentGetRequest((String) bundle.get("documentId"))
              .storeId((String) bundle.get("storeId"))
              .send()
              .join()) {
        Files.copy(content, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      VerificationResult result = BundleVerifier.verify(zip);
      assertThat(result.valid()).as("bundle %s: %s", bundle.get("documentId"), result.firstProblem()).isTrue();
    }
  }

}
