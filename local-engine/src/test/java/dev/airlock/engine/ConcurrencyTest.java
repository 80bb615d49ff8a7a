package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

  private static final int INSTANCES = 500;
  private static final int WORKERS = 4;

  @TempDir Path dataDirectory;

  @Test
  void fourWorkersCompleteEachJobExactlyOnce() {
    try (var fixture = new EngineFixture(dataDirectory)) {
      var process = Bpmn.createExecutableProcess("concurrent").startEvent("start")
          .serviceTask("work", t -> t.zeebeJobType("work")).endEvent("end").done();
      fixture.client().newDeployResourceCommand().addProcessModel(process, "concurrent.bpmn")
          .send().join();

      var completions = new ConcurrentHashMap<Long, AtomicInteger>();
      var workersByJob = new ConcurrentHashMap<Long, String>();
      var clients = new ArrayList<CamundaClient>();
      try {
        for (int i = 0; i < WORKERS; i++) {
          var workerName = "worker-" + i;
          var client = CamundaClient.newClientBuilder()
              .restAddress(fixture.engine().restAddress()).preferRestOverGrpc(true).build();
          clients.add(client);
          client.newWorker().jobType("work").handler((jobClient, job) -> {
            completions.computeIfAbsent(job.getKey(), k -> new AtomicInteger()).incrementAndGet();
            workersByJob.put(job.getKey(), workerName);
            jobClient.newCompleteCommand(job).variables(Map.of("by", workerName)).send().join();
          }).name(workerName).pollInterval(Duration.ofMillis(50)).open();
        }

        var creations = new ArrayList<CompletableFuture<?>>();
        for (int i = 0; i < INSTANCES; i++) {
          creations.add(fixture.client().newCreateInstanceCommand().bpmnProcessId("concurrent")
              .latestVersion().send().toCompletableFuture());
          if (creations.size() == WORKERS) {
            creations.forEach(CompletableFuture::join);
            creations.clear();
          }
        }
        creations.forEach(CompletableFuture::join);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .until(() -> completions.size() == INSTANCES);
      } finally {
        fixture.engine().close();
        clients.forEach(CamundaClient::close);
        fixture.start();
      }

      assertThat(completions).hasSize(INSTANCES);
      assertThat(completions.values()).allSatisfy(count ->
          assertThat(count.get()).as("handler calls for one job").isEqualTo(1));
      assertThat(workersByJob.values()).as("workers that completed jobs").hasSizeGreaterThan(1);
      var completed = fixture.client().newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionId("concurrent").state(ProcessInstanceState.COMPLETED))
          .page(p -> p.limit(1)).send().join().page().totalItems();
      assertThat(completed).isEqualTo(INSTANCES);
    }
  }
}
