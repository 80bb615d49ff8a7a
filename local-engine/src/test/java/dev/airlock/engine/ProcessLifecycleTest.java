package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.search.enums.ProcessInstanceState;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLifecycleTest {

  @TempDir static Path dataDirectory;
  static EngineFixture fixture;

  @BeforeAll
  static void startEngine() {
    fixture = new EngineFixture(dataDirectory);
  }

  @AfterAll
  static void stopEngine() {
    fixture.close();
  }

  @Test
  void orderRunsThroughWorkerGatewayAndUserTask() throws Exception {
    var client = fixture.client();
    var deployment = client.newDeployResourceCommand()
        .addResourceFromClasspath("processes/order.bpmn")
        .addResourceFromClasspath("processes/review-form.form")
        .send().join();
    assertThat(deployment.getProcesses()).singleElement()
        .satisfies(p -> assertThat(p.getBpmnProcessId()).isEqualTo("order"));
    assertThat(deployment.getForm()).singleElement()
        .satisfies(f -> assertThat(f.getFormId()).isEqualTo("review-form"));

    var instance = client.newCreateInstanceCommand().bpmnProcessId("order").latestVersion()
        .variables(Map.of("amount", 250)).send().join();
    var processInstanceKey = instance.getProcessInstanceKey();

    var seenJob = new ConcurrentHashMap<String, Object>();
    try (var worker = client.newWorker().jobType("check-order").handler((jobClient, job) -> {
      seenJob.put("headers", job.getCustomHeaders());
      seenJob.put("variables", job.getVariablesAsMap());
      jobClient.newCompleteCommand(job).variables(Map.of("checked", true)).send().join();
    }).open()) {
      await().until(() -> openTasks(processInstanceKey).size() == 1);
    }
    assertThat((Map<?, ?>) seenJob.get("headers")).isEqualTo(Map.of("riskLevel", "high"));
    @SuppressWarnings("unchecked")
    var jobVariables = (Map<String, Object>) seenJob.get("variables");
    assertThat(jobVariables).containsEntry("amount", 250).containsEntry("doubled", 500);

    var task = openTasks(processInstanceKey).get(0);
    assertThat(task.getElementId()).isEqualTo("review");
    assertThat(tasksWithAmount(processInstanceKey, "250")).as("tasks with amount 250")
        .isEqualTo(1);
    assertThat(tasksWithAmount(processInstanceKey, "7")).as("tasks with amount 7").isZero();
    assertThat(task.getCandidateGroups()).containsExactly("approvers", "managers");
    var form = client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();
    assertThat(form.getFormId()).isEqualTo("review-form");

    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("alice").send().join();
    client.newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of("approved", true)).send().join();

    var finished = client.newProcessInstanceGetRequest(processInstanceKey).send().join();
    assertThat(finished.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    var completedTask = client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(completedTask.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(completedTask.getAssignee()).isEqualTo("alice");
    assertThat(completedTask.getCompletionDate()).as("completion date").isNotNull();

    var variables = client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey)).send().join().items().stream()
        .filter(v -> v.getScopeKey().equals(processInstanceKey))
        .collect(Collectors.toMap(Variable::getName, Variable::getValue));
    assertThat(variables).containsEntry("amount", "250").containsEntry("checked", "true")
        .containsEntry("approved", "true").doesNotContainKey("doubled");
  }

  @Test
  void smallOrderTakesTheDefaultFlow() {
    var client = fixture.client();
    client.newDeployResourceCommand().addResourceFromClasspath("processes/order.bpmn")
        .addResourceFromClasspath("processes/review-form.form").send().join();
    var instance = client.newCreateInstanceCommand().bpmnProcessId("order").latestVersion()
        .variables(Map.of("amount", 5)).send().join();

    try (var worker = client.newWorker().jobType("check-order")
        .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join()).open()) {
      await().until(() -> client.newProcessInstanceGetRequest(instance.getProcessInstanceKey())
          .send().join().getState() == ProcessInstanceState.COMPLETED);
    }
    var elements = client.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instance.getProcessInstanceKey())).send().join()
        .items().stream().map(e -> e.getElementId()).toList();
    assertThat(elements).containsExactly("received", "check", "decide", "autoApproved");
  }

  @Test
  void flowsWithoutOutgoingChildrenFollowSourceRef() {
    var client = fixture.client();
    client.newDeployResourceCommand().addResourceFromClasspath("processes/flows-by-source-ref.bpmn")
        .send().join();

    var instance = client.newCreateInstanceCommand().bpmnProcessId("flows-by-source-ref")
        .latestVersion().send().join();

    await().until(() -> !client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instance.getProcessInstanceKey())).send().join()
        .items().isEmpty());
    assertThat(client.newProcessInstanceGetRequest(instance.getProcessInstanceKey()).send().join()
        .getState()).as("state while the user task is open").isEqualTo(ProcessInstanceState.ACTIVE);
  }

  private static int tasksWithAmount(long processInstanceKey, String amount) throws Exception {
    var body = "{\"filter\":{\"processInstanceKey\":\"" + processInstanceKey + "\","
        + "\"processInstanceVariables\":[{\"name\":\"amount\",\"value\":\"" + amount
        + "\"}]}}";
    var request = HttpRequest.newBuilder(
            URI.create(fixture.engine().restAddress() + "/v2/user-tasks/search"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try (var http = HttpClient.newHttpClient()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return new ObjectMapper().readTree(response.body()).path("items").size();
    }
  }

  private List<UserTask> openTasks(long processInstanceKey) {
    return fixture.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
        .send().join().items();
  }
}
