package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorHandlingTest {

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
  void boundaryEventCatchesWorkerError() {
    var process = Bpmn.createExecutableProcess("payment").startEvent("start")
        .serviceTask("charge", t -> t.zeebeJobType("charge"))
        .boundaryEvent("declined", b -> b.error("DECLINED")).endEvent("handled")
        .moveToActivity("charge").endEvent("charged").done();
    var key = deployAndStart(process, "payment");

    var job = activate("charge");
    fixture.client().newThrowErrorCommand(job.getKey()).errorCode("DECLINED")
        .errorMessage("card declined").variables(Map.of("reason", "expired card"))
        .send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elementIds(key)).containsExactly("start", "charge", "declined", "handled");
    assertThat(processVariable(key, "reason")).isEqualTo("\"expired card\"");
  }

  @Test
  void subProcessCatchAllCatchesInnerError() {
    var process = Bpmn.createExecutableProcess("nested").startEvent()
        .subProcess("outer", s -> s.embeddedSubProcess().startEvent("innerStart")
            .serviceTask("work", t -> t.zeebeJobType("work")).endEvent("innerEnd"))
        .boundaryEvent("anyError", b -> b.error()).endEvent("recovered")
        .moveToActivity("outer").endEvent("done").done();
    var key = deployAndStart(process, "nested");

    var job = activate("work");
    fixture.client().newThrowErrorCommand(job.getKey()).errorCode("SOMETHING").send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elementIds(key)).contains("anyError", "recovered").doesNotContain("done");
  }

  @Test
  void errorEndEventPropagatesToSubProcessBoundary() {
    var process = Bpmn.createExecutableProcess("endError").startEvent()
        .subProcess("outer", s -> s.embeddedSubProcess().startEvent("innerStart")
            .endEvent("fail", e -> e.error("FAILED")))
        .boundaryEvent("caught", b -> b.error("FAILED")).endEvent("recovered")
        .moveToActivity("outer").endEvent("done").done();
    var key = deployAndStart(process, "endError");

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elementIds(key)).contains("fail", "caught", "recovered");
  }

  @Test
  void uncaughtErrorIsIncidentResolvedAfterRetriesUpdate() {
    var process = Bpmn.createExecutableProcess("uncaught").startEvent()
        .serviceTask("task", t -> t.zeebeJobType("task")).endEvent("end").done();
    var key = deployAndStart(process, "uncaught");

    var job = activate("task");
    fixture.client().newThrowErrorCommand(job.getKey()).errorCode("NOBODY_CATCHES")
        .send().join();

    var incident = singleIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getErrorMessage()).contains("NOBODY_CATCHES");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());

    fixture.client().newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    fixture.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    var again = activate("task");
    assertThat(again.getKey()).isEqualTo(job.getKey());
    fixture.client().newCompleteCommand(again).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void failedJobComesBackAfterBackoff() {
    var process = Bpmn.createExecutableProcess("flaky").startEvent()
        .serviceTask("task", t -> t.zeebeJobType("flaky").zeebeJobRetries("3"))
        .endEvent("end").done();
    var key = deployAndStart(process, "flaky");

    var job = activate("flaky");
    assertThat(job.getRetries()).isEqualTo(3);
    var backoff = Duration.ofMillis(1500);
    var failedAt = System.nanoTime();
    fixture.client().newFailCommand(job).retries(2).retryBackoff(backoff)
        .errorMessage("service unavailable").send().join();

    var retried = activate("flaky");
    var waited = Duration.ofNanos(System.nanoTime() - failedAt);
    assertThat(retried.getKey()).isEqualTo(job.getKey());
    assertThat(retried.getRetries()).isEqualTo(2);
    assertThat(waited).as("time before the failed job was handed out again")
        .isGreaterThanOrEqualTo(backoff);
    fixture.client().newCompleteCommand(retried).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void exhaustedRetriesBecomeIncident() {
    var process = Bpmn.createExecutableProcess("exhausted").startEvent()
        .serviceTask("task", t -> t.zeebeJobType("exhausted")).endEvent("end").done();
    var key = deployAndStart(process, "exhausted");

    var job = activate("exhausted");
    fixture.client().newFailCommand(job).retries(0).errorMessage("disk full").send().join();

    var incident = singleIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).isEqualTo("disk full");
    assertThatThrownBy(() ->
            fixture.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join())
        .isInstanceOfSatisfying(ProblemException.class,
            e -> assertThat(e.code()).isEqualTo(409));

    fixture.client().newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    fixture.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    fixture.client().newCompleteCommand(activate("exhausted")).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(singleIncident(key).getState().name()).isEqualTo("RESOLVED");
  }

  @Test
  void gatewayWithoutTrueConditionIsIncident() {
    var process = Bpmn.createExecutableProcess("route").startEvent("start")
        .exclusiveGateway("split")
        .sequenceFlowId("toBig").conditionExpression("=amount > 100").endEvent("big")
        .moveToNode("split")
        .sequenceFlowId("toSmall").conditionExpression("=amount <= 100").endEvent("small")
        .done();
    var key = deployAndStart(process, "route");

    var incident = singleIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
    assertThat(incident.getElementId()).isEqualTo("split");
    assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);

    fixture.client().newSetVariablesCommand(incident.getElementInstanceKey())
        .variables(Map.of("amount", 5)).send().join();
    fixture.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(elementIds(key)).contains("small").doesNotContain("big");
  }

  @Test
  void timedOutJobIsActivatedAgain() {
    var process = Bpmn.createExecutableProcess("slow").startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType("slow")).endEvent("end").done();
    var key = deployAndStart(process, "slow");

    var first = fixture.client().newActivateJobsCommand().jobType("slow").maxJobsToActivate(1)
        .workerName("first").timeout(Duration.ofMillis(500)).send().join().getJobs().get(0);
    var second = activate("slow");

    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getWorker()).isEqualTo("test");
    fixture.client().newCompleteCommand(second).send().join();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void extendedTimeoutKeepsJobFromOthers() {
    var process = Bpmn.createExecutableProcess("extended").startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType("extended")).endEvent("end").done();
    var key = deployAndStart(process, "extended");

    var job = fixture.client().newActivateJobsCommand().jobType("extended").maxJobsToActivate(1)
        .timeout(Duration.ofMillis(500)).send().join().getJobs().get(0);
    fixture.client().newUpdateTimeoutCommand(job).timeout(Duration.ofMinutes(10)).send().join();
    var others = fixture.client().newActivateJobsCommand().jobType("extended")
        .maxJobsToActivate(1).requestTimeout(Duration.ofSeconds(2)).send().join().getJobs();

    assertThat(others).as("jobs handed to another worker").isEmpty();
    fixture.client().newCompleteCommand(job).send().join();
    assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  private long deployAndStart(BpmnModelInstance process, String processId) {
    fixture.client().newDeployResourceCommand().addProcessModel(process, processId + ".bpmn")
        .send().join();
    return fixture.client().newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .send().join().getProcessInstanceKey();
  }

  private ActivatedJob activate(String type) {
    var jobs = fixture.client().newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .workerName("test").timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(10))
        .send().join().getJobs();
    assertThat(jobs).as("activated jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  private ProcessInstanceState state(long key) {
    return fixture.client().newProcessInstanceGetRequest(key).send().join().getState();
  }

  private List<String> elementIds(long key) {
    return fixture.client().newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(key)).send().join().items().stream()
        .map(e -> e.getElementId()).toList();
  }

  private String processVariable(long key, String name) {
    return fixture.client().newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(key).name(name)).send().join().items().stream()
        .filter(v -> v.getScopeKey() == key).findFirst().orElseThrow().getValue();
  }

  private Incident singleIncident(long key) {
    await().until(() -> !incidents(key).isEmpty());
    var incidents = incidents(key);
    assertThat(incidents).hasSize(1);
    return incidents.get(0);
  }

  private List<Incident> incidents(long key) {
    return fixture.client().newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(key)).send().join().items();
  }
}
