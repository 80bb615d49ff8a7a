package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

  @TempDir Path dataDirectory;

  @Test
  void activatedJobAndOpenUserTaskSurviveRestart() {
    try (var fixture = new EngineFixture(dataDirectory)) {
      var client = fixture.client();
      var process = Bpmn.createExecutableProcess("approval").startEvent("start")
          .serviceTask("prepare", t -> t.zeebeJobType("prepare"))
          .userTask("approve", u -> u.zeebeUserTask()).endEvent("end").done();
      client.newDeployResourceCommand().addProcessModel(process, "approval.bpmn").send().join();

      var waitingForJob = create(fixture);
      var activatedJob = client.newActivateJobsCommand().jobType("prepare").maxJobsToActivate(1)
          .timeout(Duration.ofMinutes(5)).send().join().getJobs().get(0);
      assertThat(activatedJob.getProcessInstanceKey()).isEqualTo(waitingForJob);

      var waitingForTask = create(fixture);
      var secondJob = client.newActivateJobsCommand().jobType("prepare").maxJobsToActivate(1)
          .send().join().getJobs().get(0);
      client.newCompleteCommand(secondJob).variables(Map.of("prepared", "before restart"))
          .send().join();
      var openTask = client.newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(waitingForTask)).send().join().items().get(0);

      fixture.restart();
      client = fixture.client();

      client.newCompleteCommand(activatedJob.getKey()).variables(Map.of("prepared", "after"))
          .send().join();
      var reloadedTask = client.newUserTaskGetRequest(openTask.getUserTaskKey()).send().join();
      assertThat(reloadedTask.getState()).isEqualTo(UserTaskState.CREATED);
      for (var instance : new long[] {waitingForJob, waitingForTask}) {
        var task = client.newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(instance).state(UserTaskState.CREATED))
            .send().join().items().get(0);
        client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
        assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
            .isEqualTo(ProcessInstanceState.COMPLETED);
      }

      var afterRestart = create(fixture);
      assertThat(afterRestart).as("key of an instance created after the restart")
          .isGreaterThan(openTask.getUserTaskKey())
          .isGreaterThan(activatedJob.getKey());
    }
  }

  private static long create(EngineFixture fixture) {
    return fixture.client().newCreateInstanceCommand().bpmnProcessId("approval").latestVersion()
        .send().join().getProcessInstanceKey();
  }
}
