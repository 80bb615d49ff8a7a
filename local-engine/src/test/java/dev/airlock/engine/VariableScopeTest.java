package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableScopeTest {

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
  void outputMappingsDecideWhatLeavesTask() throws Exception {
    var process = Bpmn.createExecutableProcess("mapped").startEvent("start")
        .serviceTask("price", t -> t.zeebeJobType("price")
            .zeebeInputExpression("order.items * 10", "base")
            .zeebeOutputExpression("result.total", "order.total"))
        .endEvent("end").done();
    var key = deployAndStart(process, "mapped", Map.of("order", Map.of("id", 7, "items", 3)));

    var job = activate("price");
    assertThat(job.getVariablesAsMap()).containsEntry("base", 30);
    fixture.client().newCompleteCommand(job)
        .variables(Map.of("result", Map.of("total", 42), "base", 1)).send().join();

    var variables = rootVariables(key);
    assertThat(new ObjectMapper().readTree(variables.get("order")))
        .isEqualTo(new ObjectMapper().readTree("{\"id\":7,\"items\":3,\"total\":42}"));
    assertThat(variables).as("variables at the process scope")
        .doesNotContainKeys("result", "base");
  }

  @Test
  void completionWithoutOutputsMergesIntoProcess() {
    var process = Bpmn.createExecutableProcess("merged").startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType("merge")).endEvent("end").done();
    var key = deployAndStart(process, "merged", Map.of("status", "new"));

    fixture.client().newCompleteCommand(activate("merge"))
        .variables(Map.of("status", "done", "extra", true)).send().join();

    assertThat(rootVariables(key)).containsEntry("status", "\"done\"")
        .containsEntry("extra", "true");
  }

  @Test
  void catchEventOutputMappingsReceiveErrorVariables() {
    var process = Bpmn.createExecutableProcess("errorVariables").startEvent("start")
        .serviceTask("call", t -> t.zeebeJobType("call"))
        .boundaryEvent("failed", b -> b.error("FAILED")
            .zeebeOutputExpression("detail.code", "failureCode"))
        .endEvent("handled")
        .moveToActivity("call").endEvent("end").done();
    var key = deployAndStart(process, "errorVariables", Map.of());

    fixture.client().newThrowErrorCommand(activate("call").getKey()).errorCode("FAILED")
        .variables(Map.of("detail", Map.of("code", 503))).send().join();

    var variables = rootVariables(key);
    assertThat(variables).containsEntry("failureCode", "503");
    assertThat(variables).as("error variables without a mapping").doesNotContainKey("detail");
  }

  private long deployAndStart(BpmnModelInstance process, String processId,
      Map<String, Object> variables) {
    fixture.client().newDeployResourceCommand().addProcessModel(process, processId + ".bpmn")
        .send().join();
    return fixture.client().newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  private ActivatedJob activate(String type) {
    return fixture.client().newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs().get(0);
  }

  private Map<String, String> rootVariables(long key) {
    return fixture.client().newVariableSearchRequest().filter(f -> f.processInstanceKey(key))
        .send().join().items().stream().filter(v -> v.getScopeKey() == key)
        .collect(Collectors.toMap(Variable::getName, Variable::getValue));
  }
}
