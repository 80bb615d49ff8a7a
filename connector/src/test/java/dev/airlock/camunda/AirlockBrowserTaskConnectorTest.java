package dev.airlock.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.automation.BrowserTask;
import dev.airlock.automation.DownloadedFile;
import dev.airlock.automation.PendingAction;
import dev.airlock.automation.TaskOutcome;
import dev.airlock.camunda.model.BrowserTaskResult;
import dev.airlock.camunda.model.DocumentReferenceVariable;
import dev.airlock.evidence.BundleInfo;
import dev.airlock.evidence.BundleVerifier;
import dev.airlock.evidence.EvidenceRecorder;
import dev.airlock.evidence.SealedBundle;
import dev.airlock.evidence.SigningKey;
import dev.airlock.identity.IdentityRegistry;
import dev.airlock.identity.SecretResolver;
import dev.airlock.policy.Approval;
import dev.airlock.policy.ApprovalSigner;
import dev.airlock.sandbox.SandboxException;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirlockBrowserTaskConnectorTest {

  static final String STEPS =
      "[{\"action\":\"goto\",\"url\":\"/invoices/INV-1001\"},"
          + "{\"action\":\"click\",\"target\":{\"role\":\"button\",\"name\":\"Pay\"}}]";
  static final String FINGERPRINT = "9f".repeat(32);
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  @TempDir Path folder;

  private final List<BrowserTask> started = new ArrayList<>();
  private final SigningKey approvalKey = SigningKey.generate();
  private List<Approval> decisions = List.of();
  private IdentityRegistry identities;

  @BeforeEach
  void writeIdentities() throws IOException {
    Path file = folder.resolve("identities.json");
    Files.writeString(
        file,
        """
        {"identities": [{
          "id": "invoice-clerk",
          "owner": "finance-robots",
          "allowedOrigins": ["http://127.0.0.1:8086"],
          "allowedActions": ["goto", "click", "fill"],
          "credentials": {"password": "secrets.DEMO_PASSWORD"},
          "expiresAt": "2027-01-01T00:00:00Z"
        }]}
        """);
    identities = IdentityRegistry.load(file);
  }

  @Test
  void missingStartUrlNamesField() {
    Map<String, Object> variables = request();
    variables.remove("startUrl");

    assertThatThrownBy(() -> run(variables, this::completed))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("startUrl");
    assertThat(started).as("tasks started").isEmpty();
  }

  @Test
  void malformedStepsJsonNamesSteps() {
    Map<String, Object> variables = request();
    variables.put("steps", "[{\"action\": \"click\"");

    assertThatThrownBy(() -> run(variables, this::completed))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("steps: malformed JSON at line 1");
    assertThat(started).as("tasks started").isEmpty();
  }

  @Test
  void stepWithoutTargetNamesStepField() {
    Map<String, Object> variables = request();
    variables.put("steps", "[{\"action\":\"goto\",\"url\":\"/\"},{\"action\":\"click\"}]");

    assertThatThrownBy(() -> run(variables, this::completed))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("steps[1].target: missing");
    assertThat(started).as("tasks started").isEmpty();
  }

  @Test
  void originWithPathNamesEntry() {
    Map<String, Object> variables = request();
    variables.put("allowedOrigins", List.of("http://127.0.0.1:8086", "http://127.0.0.1:8086/invoices"));

    assertThatThrownBy(() -> run(variables, this::completed))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("allowedOrigins[1]:");
    assertThat(started).as("tasks started").isEmpty();
  }

  @Test
  void unknownIdentityRaisesIdentityInvalid() {
    Map<String, Object> variables = request();
    variables.put("identityId", "robot-nobody-knows");

    assertThatThrownBy(() -> run(variables, this::completed))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("identityId: agent identity 'robot-nobody-knows' is not in")
        .extracting(e -> ((ConnectorException) e).getErrorCode())
        .isEqualTo(AirlockErrorCodes.IDENTITY_INVALID);
    assertThat(started).as("tasks started").isEmpty();
  }

  @Test
  void actionOutsideScopeRaisesIdentityInvalid() {
    Map<String, Object> variables = request();
    variables.put("steps", "[{\"action\":\"extract\",\"target\":{\"testId\":\"total\"},\"output\":\"total\"}]");

    assertThatThrownBy(() -> run(variables, this::completed))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("steps[0].action: action 'extract' is not allowed")
        .extracting(e -> ((ConnectorException) e).getErrorCode())
        .isEqualTo(AirlockErrorCodes.IDENTITY_INVALID);
    assertThat(started).as("tasks started").isEmpty();
  }

  @Test
  void totalTimeoutAboveMaximumIsRejected() {
    Map<String, Object> variables = request();
    variables.put("totalTimeout", "PT2H");

    assertThatThrownBy(() -> run(variables, this::completed))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("totalTimeout: PT2H is longer than the runtime's maximum PT10M");
    assertThat(started).as("tasks started").isEmpty();
  }

  @Test
  void secretsReachTaskResolved() throws Exception {
    Map<String, Object> variables = request();
    variables.put("startUrl", "http://127.0.0.1:8086/{{secrets.LOGIN_PATH}}");

    run(variables, this::completed);

    assertThat(started).hasSize(1);
    BrowserTask task = started.getFirst();
    assertThat(task.startUrl()).isEqualTo("http://127.0.0.1:8086/login");
    assertThat(task.credentials()).containsEntry("password", "demo-password");
    assertThat(task.identityId()).isEqualTo("invoice-clerk");
    assertThat(task.identityOwner()).isEqualTo("finance-robots");
    assertThat(task.steps()).hasSize(2);
  }

  @Test
  void inputFileReachesTaskAndIsDeleted() throws Exception {
    var store = new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
    var document =
        store.create(DocumentCreationRequest.from("receipt".getBytes()).fileName("receipt.txt").contentType("text/plain").build());
    Map<String, Object> variables = request();
    variables.put(
        "inputFiles",
        Map.of("receipt.txt", ConnectorsObjectMapperSupplier.getCopy().convertValue(DocumentReferenceVariable.of(document), Map.class)));
    Map<String, String> contentDuringRun = new HashMap<>();

    run(
        variables,
        (task, dir) -> {
          task.inputFiles().forEach((name, path) -> contentDuringRun.put(name, readString(path)));
          return completed(task, dir);
        });

    assertThat(contentDuringRun).containsExactly(Map.entry("receipt.txt", "receipt"));
    assertThat(started.getFirst().inputFiles().get("receipt.txt")).as("input file after the run").doesNotExist();
  }

  @Test
  void completedTaskReturnsResultAndDocuments() throws Exception {
    BrowserTaskResult result = (BrowserTaskResult) run(request(), this::completed);

    assertThat(result.result().status()).isEqualTo("COMPLETED");
    assertThat(result.result().extracted()).containsEntry("invoiceTotal", "EUR 1,250.00");
    assertThat(result.result().downloads()).containsKey("invoicePdf");
    assertThat(result.evidence().identityId()).isEqualTo("invoice-clerk");
    assertThat(result.evidence().stepCount()).isEqualTo(2);
    assertThat(result.evidence().containmentLevel()).isEqualTo("test");
    assertThat(result.evidence().manifestSha256()).hasSize(64);
    assertThat(result.evidence().startedAt()).isEqualTo("2026-12-04T12:00:00Z");
    assertThat(result.evidence().endedAt()).as("end from the manifest").isNotBlank();
    assertThat(result.evidence().signature()).isNotBlank();
    assertThat(result.evidence().keyId()).hasSize(16);
    assertThat(result.documents()).extracting(d -> d.metadata().get("fileName").toString())
        .anyMatch(name -> name.endsWith(".zip"))
        .anyMatch(name -> name.endsWith("report.html"))
        .anyMatch(name -> name.endsWith(".pdf"));
    assertThat(result.documents()).allMatch(d -> d.documentType().equals("camunda"));
  }

  @Test
  void uploadedBundleVerifies() throws Exception {
    BrowserTaskResult result = (BrowserTaskResult) run(request(), this::completed);

    Path copy = folder.resolve("downloaded-bundle.zip");
    TestConnectorContext.download(result.evidence().bundle(), copy);

    assertThat(BundleVerifier.verify(copy).valid()).as("bundle verification").isTrue();
  }

  @Test
  void checkpointRaisesCheckpointWithPendingAction() throws Exception {
    ConnectorException error = runExpectingError(request(), this::checkpoint);

    assertThat(error.getErrorCode()).isEqualTo(AirlockErrorCodes.CHECKPOINT);
    assertThat(error.getMessage()).isEqualTo("Step 1 needs approval: Click button 'Pay' on http://127.0.0.1:8086/invoices/INV-1001");
    assertThat(error.getErrorVariables()).containsKeys("airlockCheckpoint", "airlockEvidence", "airlockDocuments");
    assertThat(error.getErrorVariables().get("airlockCheckpoint"))
        .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
        .containsEntry("fingerprint", FINGERPRINT)
        .containsEntry("stepIndex", 1)
        .containsEntry("expiresAt", "2026-12-04T12:30:00Z")
        .containsKey("screenshot");
  }

  @Test
  void rejectionRaisesRejected() throws Exception {
    issueCheckpoint(FINGERPRINT);
    decisions =
        List.of(new ApprovalSigner(approvalKey).sign("2251799813685249", FINGERPRINT, Approval.REJECTED, "bob", NOW, Duration.ofMinutes(15)));

    ConnectorException error = runExpectingError(request(), this::checkpoint);

    assertThat(error.getErrorCode()).isEqualTo(AirlockErrorCodes.REJECTED);
    assertThat(error.getErrorVariables()).containsKey("airlockRejectedAction").doesNotContainKey("airlockCheckpoint");
  }

  @Test
  void decisionWithoutCheckpointIsIgnored() throws Exception {
    decisions =
        List.of(new ApprovalSigner(approvalKey).sign("2251799813685249", FINGERPRINT, Approval.REJECTED, "bob", NOW, Duration.ofMinutes(15)));

    ConnectorException error = runExpectingError(request(), this::checkpoint);

    assertThat(error.getErrorCode()).as("a decision Airlock never asked for").isEqualTo(AirlockErrorCodes.CHECKPOINT);
    assertThat(started.get(0).approvals()).as("approvals handed to the runner").isEmpty();
  }

  @Test
  void decisionAfterCheckpointWasUsedIsIgnored() throws Exception {
    issueCheckpoint(FINGERPRINT);
    Path later = folder.resolve("evidence").resolve("task-2251799813685249-2-approved-run");
    try (EvidenceRecorder recorder =
        EvidenceRecorder.open(later, new BundleInfo("used", "invoice-clerk", "test", NOW), SigningKey.generate())) {
      recorder.append("approval-check", Map.of("step", 1, "fingerprint", FINGERPRINT, "accepted", true));
      recorder.seal(Map.of());
    }
    decisions =
        List.of(new ApprovalSigner(approvalKey).sign("2251799813685249", FINGERPRINT, Approval.APPROVED, "bob", NOW, Duration.ofMinutes(15)));

    ConnectorException error = runExpectingError(request(), this::checkpoint);

    assertThat(error.getErrorCode()).as("a second decision on a used checkpoint").isEqualTo(AirlockErrorCodes.CHECKPOINT);
    assertThat(started.get(0).approvals()).as("approvals handed to the runner").isEmpty();
  }

  @Test
  void policyDenialRaisesPolicyDenied() throws Exception {
    ConnectorException error =
        runExpectingError(
            request(),
            (task, dir) -> new TaskOutcome.PolicyDenied(0, "navigation-outside-allowlist", "origin not allowed", seal(dir)));

    assertThat(error.getErrorCode()).isEqualTo(AirlockErrorCodes.POLICY_DENIED);
    assertThat(error.getMessage()).startsWith("steps[0]: denied by policy rule 'navigation-outside-allowlist'");
  }

  @Test
  void sandboxFailureIsRetryable() {
    assertThatThrownBy(
            () -> run(request(), (task, dir) -> {
              throw new SandboxException("Xvfb did not start on display :99");
            }))
        .isInstanceOf(ConnectorRetryException.class)
        .hasMessageContaining("Xvfb did not start on display :99")
        .hasCauseInstanceOf(SandboxException.class);
  }

  private Object run(Map<String, Object> variables, BiFunction<BrowserTask, Path, TaskOutcome> outcome) throws Exception {
    AirlockBrowserTaskConnector connector =
        new AirlockBrowserTaskConnector(
            identities,
            new SecretResolver(Map.of("DEMO_PASSWORD", "demo-password")::get, name -> null),
            (processInstanceKey, identity, validity) -> decisions,
            (task, bundleDirectory) -> {
              started.add(task);
              return outcome.apply(task, bundleDirectory);
            },
            new AirlockConnectorSettings(folder.resolve("evidence"), Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC)));
    return connector.execute(TestConnectorContext.of(variables, Map.of("LOGIN_PATH", "login")));
  }

  private ConnectorException runExpectingError(Map<String, Object> variables, BiFunction<BrowserTask, Path, TaskOutcome> outcome) {
    try {
      run(variables, outcome);
    } catch (ConnectorException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a ConnectorException", e);
    }
    throw new AssertionError("expected a ConnectorException, but the task completed");
  }

  private static String readString(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new AssertionError("input file " + path + " is not readable", e);
    }
  }

  static Map<String, Object> request() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("identityId", "invoice-clerk");
    variables.put("startUrl", "http://127.0.0.1:8086/login");
    variables.put("allowedOrigins", List.of("http://127.0.0.1:8086"));
    variables.put("steps", STEPS);
    return variables;
  }

  private TaskOutcome completed(BrowserTask task, Path bundleDirectory) {
    try (EvidenceRecorder recorder = open(task, bundleDirectory)) {
      recorder.addScreenshot("step-1-after", TestPng.BYTES);
      String pdf = recorder.addFile("downloads/invoicePdf-INV-1001.pdf", "%PDF-1.4 test".getBytes());
      SealedBundle bundle = recorder.seal(Map.of("outcome", "COMPLETED"));
      return new TaskOutcome.Completed(
          Map.of("invoiceTotal", "EUR 1,250.00"),
          Map.of("invoicePdf", new DownloadedFile("invoicePdf", "INV-1001.pdf", pdf, "00", 13)),
          bundle);
    }
  }

  private TaskOutcome checkpoint(BrowserTask task, Path bundleDirectory) {
    try (EvidenceRecorder recorder = open(task, bundleDirectory)) {
      String screenshot = recorder.addScreenshot("step-1-before", TestPng.BYTES);
      SealedBundle bundle = recorder.seal(Map.of("outcome", "CHECKPOINT"));
      PendingAction action =
          new PendingAction(
              1,
              "Click button 'Pay' on http://127.0.0.1:8086/invoices/INV-1001",
              FINGERPRINT,
              bundle.directory().resolve(screenshot),
              Instant.parse("2026-12-04T12:30:00Z"));
      return new TaskOutcome.CheckpointPending(action, bundle);
    }
  }

  /** Leaves the journal of an earlier run of the test's process instance that stopped at {@code fingerprint}. */
  private void issueCheckpoint(String fingerprint) {
    Path earlier = folder.resolve("evidence").resolve("task-2251799813685249-1-earlier");
    try (EvidenceRecorder recorder =
        EvidenceRecorder.open(earlier, new BundleInfo("earlier", "invoice-clerk", "test", NOW), SigningKey.generate())) {
      recorder.append("checkpoint-pending", Map.of("step", 1, "fingerprint", fingerprint));
      recorder.seal(Map.of());
    }
  }

  private SealedBundle seal(Path bundleDirectory) {
    try (EvidenceRecorder recorder =
        EvidenceRecorder.open(bundleDirectory, new BundleInfo("denied", "invoice-clerk", "test", NOW), SigningKey.generate())) {
      return recorder.seal(Map.of());
    }
  }

  private static EvidenceRecorder open(BrowserTask task, Path bundleDirectory) {
    return EvidenceRecorder.open(
        bundleDirectory, new BundleInfo(task.taskId(), task.identityId(), "test", NOW), SigningKey.generate());
  }
}
