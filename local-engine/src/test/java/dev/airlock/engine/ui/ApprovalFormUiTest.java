package dev.airlock.engine.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.airlock.engine.LocalEngine;
import dev.airlock.engine.LocalEngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the repository's own approval processes and forms up to their approval task, the way
 * the Airlock connector does (a job that ends with the BPMN error AIRLOCK_CHECKPOINT), and
 * approves the pending action in the task list.
 */
class ApprovalFormUiTest {

  static final String JOB_TYPE = "dev.airlock:browser-task:1";
  static final String DESCRIPTION = "Click button 'Pay' on http://127.0.0.1:8086/invoices/INV-1001";
  static final String FINGERPRINT = "3f1c9a0e5b7d4c2a";

  @TempDir static Path dataDirectory;
  static LocalEngine engine;
  static CamundaClient client;
  static UiBrowser browser;

  UiBrowser.Session session;
  Page page;

  @BeforeAll
  static void startEngineAndBrowser() {
    engine = LocalEngine.start(LocalEngineOptions.defaults().withDataDirectory(dataDirectory));
    client = CamundaClient.newClientBuilder().restAddress(engine.restAddress())
        .preferRestOverGrpc(true).build();
    client.newDeployResourceCommand()
        .addResourceFile("../bpmn-templates/approval-checkpoint.bpmn")
        .addResourceFile("../bpmn-templates/approval-checkpoint.form")
        .addResourceFile("../examples/processes/invoice-payment.bpmn")
        .addResourceFile("../examples/processes/invoice-payment-approval.form")
        .send().join();
    browser = new UiBrowser();
  }

  @AfterAll
  static void stopEngineAndBrowser() {
    if (browser != null) {
      browser.close();
    }
    client.close();
    engine.close();
  }

  @BeforeEach
  void openPage() {
    session = browser.open(engine.restAddress());
    page = session.context().newPage();
  }

  @AfterEach
  void checkPageStayedOnEngineOrigin() {
    session.close();
    var origin = engine.restAddress().toString() + "/";
    assertThat(session.requests()).as("requests of the UI").allMatch(url -> url.startsWith(origin));
    assertThat(session.pageErrors()).as("uncaught script errors").isEmpty();
    assertThat(session.consoleMessages()).as("console messages")
        .noneMatch(message -> message.contains("Content Security Policy"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "airlock-approval-checkpoint, Approve an automated action, Approve this action",
    "airlock-invoice-payment, Approve the invoice payment, Pay the invoice"
  })
  void approvalFormApprovesPendingAction(String processId, String heading, String approveLabel) {
    var task = reachCheckpoint(processId);

    page.navigate("/tasks/" + task.getUserTaskKey());
    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading)).waitFor();
    page.waitForFunction("() => { const image = document.querySelector('figure.document img');"
        + " return image !== null && image.complete; }");

    var values = page.locator(".form-text .value");
    assertThat(values.nth(0).textContent()).isEqualTo(DESCRIPTION);
    assertThat(values.nth(1).textContent()).isEqualTo("2026-12-04T22:15:00Z");
    assertThat(values.nth(2).textContent()).isEqualTo(FINGERPRINT);
    assertThat(page.locator(".field-document-preview img").evaluate("image => image.naturalWidth"))
        .as("loaded screenshot width").isEqualTo(320);
    assertThat(page.locator(".unsupported-component").count()).as("unsupported components")
        .isZero();

    page.locator("#approver-name").fill("Ada Approver");
    page.getByLabel(approveLabel).check();
    page.getByLabel("Comment").fill("Total checked");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    page.locator(".notice.success").waitFor();

    var completed = client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(completed.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(completed.getAssignee()).isEqualTo("Ada Approver");
    var decision = client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(task.getProcessInstanceKey()).name("airlockDecision"))
        .send().join().items();
    assertThat(decision).singleElement()
        .satisfies(variable -> assertThat(variable.getValue()).isEqualTo("\"APPROVED\""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"airlock-approval-checkpoint", "airlock-invoice-payment"})
  void historyShowsEvidenceDocuments(String processId) {
    var task = reachCheckpoint(processId);

    page.navigate("/history/" + task.getProcessInstanceKey());
    var documents = page.locator("tr[data-variable='airlockDocuments'][data-scope-key='"
        + task.getProcessInstanceKey() + "']");
    documents.waitFor();
    documents.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Preview"))
        .click();
    var report = documents.frameLocator("iframe");

    assertThat(documents.locator(".document-name").allTextContents())
        .containsExactly("screen-before.png", "report.html", "evidence.zip");
    assertThat(report.locator("h1").textContent()).isEqualTo("Evidence report");
    assertThat(documents.locator("iframe").getAttribute("sandbox")).isEmpty();
    var reportFrame = page.frames().stream().filter(frame -> frame.url().contains("/v2/documents/"))
        .findFirst().orElseThrow();
    assertThat(reportFrame.evaluate("() => document.body.dataset.scriptRan ?? 'no'"))
        .as("script inside the report").isEqualTo("no");
    assertThat(documents.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open"))
        .count()).as("Open links: only the screenshot").isEqualTo(1);
    assertThat(documents.getByRole(AriaRole.LINK,
        new Locator.GetByRoleOptions().setName("Download")).count()).isEqualTo(3);
  }

  /**
   * Starts the process and ends its browser task's job with AIRLOCK_CHECKPOINT and the
   * variables the connector sets, then returns the approval task.
   */
  private UserTask reachCheckpoint(String processId) {
    var screenshot = document(UiImages.png(320, 180), "image/png", "screen-before.png");
    var report = document(("<html><body><h1>Evidence report</h1>"
        + "<script>document.body.dataset.scriptRan = 'yes'</script></body></html>")
        .getBytes(StandardCharsets.UTF_8), "text/html", "report.html");
    var bundle = document(new byte[] {'P', 'K', 5, 6}, "application/zip", "evidence.zip");
    var instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("demoAppUrl", "http://127.0.0.1:8086"))
        .send().join();

    // An approval sends an earlier test's instance back to its browser task, so other jobs of
    // the type may exist. They are activated too and left to time out.
    var key = instance.getProcessInstanceKey();
    var job = client.newActivateJobsCommand().jobType(JOB_TYPE).maxJobsToActivate(32)
        .send().join().getJobs().stream()
        .filter(activated -> activated.getProcessInstanceKey() == key)
        .findFirst().orElseThrow();
    client.newThrowErrorCommand(job).errorCode("AIRLOCK_CHECKPOINT")
        .errorMessage("Approval needed: " + DESCRIPTION)
        .variables(Map.of(
            "airlockCheckpoint", Map.of("description", DESCRIPTION, "fingerprint", FINGERPRINT,
                "expiresAt", "2026-12-04T22:15:00Z", "screenshot", reference(screenshot)),
            "airlockEvidence", Map.of("bundleId", "bundle-1", "stepCount", 8),
            "airlockDocuments", List.of(reference(screenshot), reference(report),
                reference(bundle))))
        .send().join();

    await().until(() -> !openTasks(key).isEmpty());
    return openTasks(key).get(0);
  }

  private List<UserTask> openTasks(long processInstanceKey) {
    return client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
        .send().join().items();
  }

  private static DocumentReferenceResponse document(byte[] content, String type, String name) {
    return client.newCreateDocumentCommand().content(content).contentType(type).fileName(name)
        .send().join();
  }

  private static Map<String, Object> reference(DocumentReferenceResponse document) {
    return Map.of(
        "camunda.document.type", "camunda",
        "storeId", document.getStoreId(),
        "documentId", document.getDocumentId(),
        "contentHash", document.getContentHash(),
        "metadata", Map.of("contentType", document.getMetadata().getContentType(),
            "fileName", document.getMetadata().getFileName()));
  }
}
