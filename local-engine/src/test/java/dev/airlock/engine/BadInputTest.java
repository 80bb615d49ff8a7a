package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

  @TempDir static Path dataDirectory;
  static EngineFixture fixture;

  @BeforeAll
  static void startEngine() {
    fixture = new EngineFixture(dataDirectory);
    var process = Bpmn.createExecutableProcess("simple").startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType("simple")).endEvent("end").done();
    fixture.client().newDeployResourceCommand().addProcessModel(process, "simple.bpmn")
        .send().join();
  }

  @AfterAll
  static void stopEngine() {
    fixture.close();
  }

  @Test
  void malformedBpmnIsRejected() {
    var problem = problem(() -> fixture.client().newDeployResourceCommand()
        .addResourceString("<bpmn:definitions xmlns:bpmn=", StandardCharsets.UTF_8, "broken.bpmn")
        .send().join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("broken.bpmn", "not valid BPMN");
    assertThat(processDefinitionCount()).isEqualTo(1);
  }

  @Test
  void unsupportedElementIsNamedWithItsId() {
    var process = Bpmn.createExecutableProcess("parallel").startEvent("start")
        .parallelGateway("fork").endEvent("end").done();

    var problem = problem(() -> fixture.client().newDeployResourceCommand()
        .addProcessModel(process, "parallel.bpmn").send().join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("'fork'", "parallelGateway");
    assertThat(processDefinitionCount()).isEqualTo(1);
  }

  @Test
  void jobWorkerUserTaskIsRejected() {
    var process = Bpmn.createExecutableProcess("legacyTask").startEvent("start")
        .userTask("legacy").endEvent("end").done();

    var problem = problem(() -> fixture.client().newDeployResourceCommand()
        .addProcessModel(process, "legacyTask.bpmn").send().join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("'legacy'", "zeebe:userTask");
  }

  @Test
  void invalidFeelIsRejectedAtDeployment() {
    var process = Bpmn.createExecutableProcess("badFeel").startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType("x").zeebeInputExpression("a +* (", "b"))
        .endEvent("end").done();

    var problem = problem(() -> fixture.client().newDeployResourceCommand()
        .addProcessModel(process, "badFeel.bpmn").send().join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("'task'", "invalid FEEL", "a +* (");
    assertThat(processDefinitionCount()).isEqualTo(1);
  }

  @Test
  void unknownProcessIdIsNotFound() {
    var problem = problem(() -> fixture.client().newCreateInstanceCommand()
        .bpmnProcessId("no-such-process").latestVersion().send().join());

    assertThat(problem.code()).isEqualTo(404);
    assertThat(problem.details().getDetail()).contains("no-such-process");
    assertThat(processInstanceCount()).isZero();
  }

  @Test
  void unknownKeysAreNotFound() {
    var client = fixture.client();
    var unknown = 2251799813000000L;

    assertThat(problem(() -> client.newCompleteCommand(unknown).send().join()).code())
        .as("job completion").isEqualTo(404);
    assertThat(problem(() -> client.newUserTaskGetRequest(unknown).send().join()).code())
        .as("user task get").isEqualTo(404);
    assertThat(problem(() -> client.newResolveIncidentCommand(unknown).send().join()).code())
        .as("incident resolution").isEqualTo(404);
    assertThat(problem(() -> client.newCancelInstanceCommand(unknown).send().join()).code())
        .as("instance cancellation").isEqualTo(404);
  }

  @Test
  void secondCompletionOfJobIsConflict() {
    var client = fixture.client();
    var instance = client.newCreateInstanceCommand().bpmnProcessId("simple").latestVersion()
        .send().join().getProcessInstanceKey();
    var job = client.newActivateJobsCommand().jobType("simple").maxJobsToActivate(1)
        .send().join().getJobs().get(0);
    client.newCompleteCommand(job).send().join();

    var problem = problem(() -> client.newCompleteCommand(job).send().join());

    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getDetail()).contains(String.valueOf(job.getKey()), "completed");
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState().name())
        .isEqualTo("COMPLETED");
  }

  @Test
  void variablesThatAreNotAnObjectAreRejected() throws Exception {
    var before = processInstanceCount();
    var body = "{\"processDefinitionId\":\"simple\",\"variables\":[1,2]}";
    var request = HttpRequest.newBuilder(
            URI.create(fixture.engine().restAddress() + "/v2/process-instances"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();

    try (var http = HttpClient.newHttpClient()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).contains("variables", "JSON object");
    }
    assertThat(processInstanceCount()).isEqualTo(before);
  }

  @Test
  void unknownPathIsProblemJson() throws Exception {
    var request = HttpRequest.newBuilder(
        URI.create(fixture.engine().restAddress() + "/v2/no-such-endpoint")).GET().build();

    try (var http = HttpClient.newHttpClient()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).startsWith("application/problem+json"));
    }
  }

  private static ProblemException problem(ThrowingCallable call) {
    var thrown = catchThrowableOfType(ProblemException.class, call);
    assertThat(thrown).as("problem raised by the engine").isNotNull();
    return thrown;
  }

  private static long processDefinitionCount() {
    return fixture.client().newProcessDefinitionSearchRequest().send().join().page()
        .totalItems();
  }

  private static long processInstanceCount() {
    return fixture.client().newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("simple")).send().join().page().totalItems();
  }
}
