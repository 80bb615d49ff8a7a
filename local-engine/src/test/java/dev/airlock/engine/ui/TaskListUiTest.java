package dev.airlock.engine.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.airlock.engine.LocalEngine;
import dev.airlock.engine.LocalEngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the task list and history UI in Chromium against a local engine, and checks the
 * outcome through the REST API with the real Camunda client.
 */
class TaskListUiTest {

  /** Markup from automation: it must appear as text, and neither script may run. */
  static final String MARKUP = "Pay <script>window.__injected = 'script'</script>"
      + "<img src=x onerror=\"window.__injected = 'img'\"> <b>now</b>";

  @TempDir static Path dataDirectory;
  static LocalEngine engine;
  static CamundaClient client;
  static UiBrowser browser;
  static byte[] screenshotPng;

  UiBrowser.Session session;
  Page page;

  @BeforeAll
  static void startEngineAndBrowser() {
    engine = LocalEngine.start(LocalEngineOptions.defaults().withDataDirectory(dataDirectory));
    client = CamundaClient.newClientBuilder().restAddress(engine.restAddress())
        .preferRestOverGrpc(true).build();
    client.newDeployResourceCommand()
        .addResourceFromClasspath("ui/ui-review.bpmn")
        .addResourceFromClasspath("ui/ui-review-form.form")
        .addResourceFromClasspath("ui/ui-failing.bpmn")
        .send().join();
    browser = new UiBrowser();
    screenshotPng = renderScreenshot();
  }

  /** Renders a small page to PNG, standing in for the screenshot a browser task would take. */
  private static byte[] renderScreenshot() {
    try (var screenshotSession = browser.open(engine.restAddress())) {
      var screenshotPage = screenshotSession.context().newPage();
      screenshotPage.setViewportSize(480, 200);
      screenshotPage.setContent("<h1>Invoice INV-1001</h1><p>Total: 120.00 EUR</p>");
      return screenshotPage.screenshot();
    }
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

  @Test
  void openTaskAppearsInTaskList() {
    var task = startReview();

    page.navigate("/");
    var row = page.locator("tr[data-user-task-key='" + task.getUserTaskKey() + "']");
    row.waitFor();

    assertThat(row.locator("td").nth(0).textContent()).isEqualTo("Approve the robot action");
    assertThat(row.locator("td").nth(1).textContent()).isEqualTo("Review a robot action");
    assertThat(row.locator("td").nth(2).textContent())
        .isEqualTo(String.valueOf(task.getProcessInstanceKey()));
    assertThat(row.locator("time").getAttribute("datetime")).isNotBlank();
  }

  @Test
  void taskListOpensTaskView() {
    var task = startReview();

    page.navigate("/tasks");
    page.locator("tr[data-user-task-key='" + task.getUserTaskKey() + "'] a").first().click();
    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review the robot action"))
        .waitFor();

    assertThat(page.url()).endsWith("/tasks/" + task.getUserTaskKey());
    assertThat(page.locator("h1").textContent()).isEqualTo("Approve the robot action");
  }

  @Test
  void formShowsVariablesWithMarkupAsText() {
    var task = startReview();

    openTask(task);

    var values = page.locator(".form-text .value");
    assertThat(values.nth(0).textContent()).isEqualTo(MARKUP);
    assertThat(values.nth(1).textContent()).isEqualTo("invoice <robot>");
    assertThat(page.evaluate("() => window.__injected === undefined")).as("script ran")
        .isEqualTo(true);
    assertThat(page.locator("#main script, #main img[onerror], #main b").count())
        .as("elements created from variable values").isZero();
  }

  @Test
  void formRendersComponentsOfApprovalForms() {
    var task = startReview();

    openTask(task);

    assertThat(page.getByLabel("Approve this action").isVisible()).isTrue();
    assertThat(page.getByLabel("Reject this action").isVisible()).isTrue();
    assertThat(page.getByLabel("Comment").isVisible()).isTrue();
    assertThat(page.getByLabel("Ticket").inputValue()).isEqualTo("T-42");
    assertThat(page.getByLabel("Amount").inputValue()).isEqualTo("120.5");
    assertThat(page.getByLabel("Priority").isVisible()).isTrue();
    assertThat(page.getByLabel("Notify the requester").isChecked()).isFalse();
    assertThat(page.locator("fieldset.form-group legend").textContent()).isEqualTo("Details");
    assertThat(page.locator(".form-separator").count()).isEqualTo(1);
    assertThat(page.locator(".form-spacer").count()).isEqualTo(1);
    assertThat(page.locator(".unsupported-component").textContent())
        .contains("Datetime_followUp", "datetime", "followUp");
  }

  @Test
  void documentPreviewLoadsScreenshotFromEngine() {
    var task = startReview();

    openTask(task);
    page.waitForFunction("() => { const image = document.querySelector('figure.document img');"
        + " return image !== null && image.complete; }");

    var image = page.locator(".field-document-preview figure.document img");
    assertThat(image.getAttribute("src")).startsWith("/v2/documents/")
        .contains("storeId=", "contentHash=");
    assertThat(image.evaluate("image => image.naturalWidth")).as("loaded image width")
        .isEqualTo(480);
    assertThat(page.locator(".field-document-preview .document-name").textContent())
        .isEqualTo("screen-before.png");
  }

  @Test
  void completingAssignsTaskAndSendsFormValues() {
    var task = startReview();

    openTask(task);
    page.locator("#approver-name").fill("Ada Approver");
    page.getByLabel("Approve this action").check();
    page.getByLabel("Comment").fill("Total <checked>");
    page.getByLabel("Priority").selectOption("High");
    page.getByLabel("Notify the requester").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    page.locator(".notice.success").waitFor();
    assertThat(page.getByLabel("Comment").isDisabled()).as("form after completion").isTrue();

    var completed = client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(completed.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(completed.getAssignee()).isEqualTo("Ada Approver");
    var outputs = variables(task.getProcessInstanceKey(), task.getProcessInstanceKey());
    assertThat(outputs).containsEntry("reviewDecision", "\"APPROVED\"");
    assertThat(outputs).containsEntry("reviewComment", "\"Total <checked>\"");
    var formValues = variables(task.getProcessInstanceKey(), task.getElementInstanceKey());
    assertThat(formValues).containsEntry("priority", "\"high\"");
    assertThat(formValues).containsEntry("notify", "true");
    assertThat(formValues).containsEntry("ticket", "\"T-42\"");
    assertThat(formValues).containsEntry("amount", "120.5");
  }

  @Test
  void approverNameIsRemembered() {
    var first = startReview();
    var second = startReview();

    openTask(first);
    page.locator("#approver-name").fill("Grace Approver");
    page.getByLabel("Reject this action").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    page.locator(".notice.success").waitFor();
    openTask(second);

    assertThat(page.locator("#approver-name").inputValue()).isEqualTo("Grace Approver");
  }

  @Test
  void missingRequiredFieldsKeepTaskOpen() {
    var task = startReview();

    openTask(task);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    var error = page.locator(".completion-status .notice.error");
    error.waitFor();

    assertThat(error.textContent()).contains("Your name", "Decision: This field is required.");
    assertThat(page.locator("fieldset.field-radio .field-error").textContent())
        .isEqualTo("This field is required.");
    var unchanged = client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(unchanged.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(unchanged.getAssignee()).isNull();
  }

  @Test
  void engineErrorIsShownToApprover() {
    var task = startReview();
    openTask(task);
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();

    page.locator("#approver-name").fill("Ada Approver");
    page.getByLabel("Approve this action").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    var error = page.locator(".completion-status .notice.error");
    error.waitFor();

    var problem = catchThrowableOfType(ProblemException.class, () ->
        client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("Ada Approver")
            .allowOverride(true).send().join());
    assertThat(problem).as("the engine's answer to the same assignment").isNotNull();
    assertThat(error.textContent()).startsWith("The task was not completed: ")
        .contains(problem.details().getDetail());
  }

  @Test
  void historyShowsInstanceVariablesAndApprover() {
    var task = startReview();
    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("Ada Approver").send().join();
    client.newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of("decision", "APPROVED")).send().join();

    page.navigate("/history");
    page.locator("tr[data-process-instance-key='" + task.getProcessInstanceKey() + "'] a").click();
    var variables = page.locator("#variables");
    variables.waitFor();

    var action = variables.locator("tr[data-variable='action']");
    assertThat(action.locator("pre.value").textContent())
        .contains("\"description\": \"Pay <script>window.__injected");
    assertThat(action.locator("figure.document img").getAttribute("alt"))
        .isEqualTo("screen-before.png");
    assertThat(variables.locator("tr[data-variable='reviewDecision'] pre.value").textContent())
        .isEqualTo("\"APPROVED\"");
    assertThat(page.locator("#user-tasks td.assignee").textContent()).isEqualTo("Ada Approver");
    assertThat(page.locator("#element-instances tbody tr").allTextContents())
        .anyMatch(row -> row.contains("Approve the robot action"));
    assertThat(page.locator("h1").textContent()).contains("Review a robot action");
    assertThat(page.evaluate("() => window.__injected === undefined")).as("script ran")
        .isEqualTo(true);
  }

  @Test
  void historyShowsIncidentMessage() {
    var message = "Could not reach <http://127.0.0.1:9/login>: connection refused";
    var instance = client.newCreateInstanceCommand().bpmnProcessId("ui-failing").latestVersion()
        .send().join();
    var job = client.newActivateJobsCommand().jobType("ui-check-target").maxJobsToActivate(1)
        .send().join().getJobs().get(0);
    client.newFailCommand(job).retries(0).errorMessage(message).send().join();

    page.navigate("/history");
    var row = page.locator("tr[data-process-instance-key='" + instance.getProcessInstanceKey()
        + "']");
    row.waitFor();
    assertThat(row.locator(".badge.incident").textContent()).isEqualTo("incident");
    row.locator("a").click();
    var incidents = page.locator("#incidents");
    incidents.waitFor();

    assertThat(incidents.locator("pre.message").textContent()).isEqualTo(message);
    assertThat(incidents.locator("tbody td").first().textContent()).isEqualTo("check");
    assertThat(incidents.locator("tbody td").nth(1).textContent()).isEqualTo("JOB_NO_RETRIES");
  }

  @Test
  void pagesCarryContentSecurityPolicy() throws Exception {
    var http = HttpClient.newHttpClient();
    for (var path : List.of("/", "/tasks/1", "/history", "/ui/app.js")) {
      var response = http.send(HttpRequest.newBuilder(engine.restAddress().resolve(path)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValue(UiSecurityHeaders.CONTENT_SECURITY_POLICY);
    }
  }

  private UserTask startReview() {
    var screenshot = client.newCreateDocumentCommand().content(screenshotPng)
        .contentType("image/png").fileName("screen-before.png").send().join();
    var reference = Map.of(
        "camunda.document.type", "camunda",
        "storeId", screenshot.getStoreId(),
        "documentId", screenshot.getDocumentId(),
        "contentHash", screenshot.getContentHash(),
        "metadata", Map.of("contentType", "image/png", "fileName", "screen-before.png"));
    var instance = client.newCreateInstanceCommand().bpmnProcessId("ui-review").latestVersion()
        .variables(Map.of(
            "action", Map.of("description", MARKUP, "screenshots", List.of(reference)),
            "requester", Map.of("name", "invoice <robot>"),
            "ticket", "T-42",
            "amount", 120.5))
        .send().join();
    var key = instance.getProcessInstanceKey();
    await().until(() -> !openTasks(key).isEmpty());
    return openTasks(key).get(0);
  }

  private List<UserTask> openTasks(long processInstanceKey) {
    return client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
        .send().join().items();
  }

  /** Returns the variables of one scope as JSON text by name. */
  private Map<String, String> variables(long processInstanceKey, long scopeKey) {
    return client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(scopeKey))
        .send().join().items().stream()
        .collect(Collectors.toMap(Variable::getName, Variable::getValue));
  }

  private void openTask(UserTask task) {
    page.navigate("/tasks/" + task.getUserTaskKey());
    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review the robot action"))
        .waitFor();
  }
}
