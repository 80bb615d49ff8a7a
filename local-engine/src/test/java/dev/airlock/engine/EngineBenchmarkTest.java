package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints throughput and job round-trip figures for a one-service-task process, measured with the
 * real client over loopback. Run with {@code -Dairlock.excludedGroups= -Dgroups=benchmark}.
 */
@Tag("benchmark")
class EngineBenchmarkTest {

  private static final int WARM_UP = 100;
  private static final int INSTANCES = 500;
  private static final int ROUND_TRIPS = 200;

  @TempDir Path dataDirectory;

  @Test
  void instancesPerSecondAndJobRoundTrip() {
    try (var fixture = new EngineFixture(dataDirectory)) {
      var client = fixture.client();
      var process = Bpmn.createExecutableProcess("bench").startEvent("start")
          .serviceTask("task", t -> t.zeebeJobType("bench")).endEvent("end").done();
      var roundTripProcess = Bpmn.createExecutableProcess("roundTrip").startEvent("start")
          .serviceTask("task", t -> t.zeebeJobType("roundTrip")).endEvent("end").done();
      client.newDeployResourceCommand().addProcessModel(process, "bench.bpmn")
          .addProcessModel(roundTripProcess, "roundTrip.bpmn").send().join();

      var completed = new AtomicInteger();
      // One worker for both phases: a closed worker can still handle jobs from its last poll.
      try (var worker = client.newWorker().jobType("bench").handler((jobClient, job) -> {
        jobClient.newCompleteCommand(job).send().join();
        completed.incrementAndGet();
      }).pollInterval(Duration.ofMillis(10)).open()) {
        runInstances(fixture, WARM_UP, completed);
        var started = System.nanoTime();
        runInstances(fixture, INSTANCES, completed);
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("instances/s (create + worker completes, %d instances): %.1f%n",
            INSTANCES, INSTANCES / seconds);
      }

      var roundTrips = new ArrayList<Double>();
      for (int i = 0; i < ROUND_TRIPS; i++) {
        client.newCreateInstanceCommand().bpmnProcessId("roundTrip").latestVersion().send()
            .join();
        var activation = System.nanoTime();
        var job = client.newActivateJobsCommand().jobType("roundTrip").maxJobsToActivate(1)
            .send().join().getJobs().get(0);
        client.newCompleteCommand(job).send().join();
        roundTrips.add((System.nanoTime() - activation) / 1e6);
      }
      Collections.sort(roundTrips);
      System.out.printf("job round trip (activate + complete, ms): median %.1f, p95 %.1f%n",
          percentile(roundTrips, 50), percentile(roundTrips, 95));
    }
  }

  private static void runInstances(EngineFixture fixture, int count, AtomicInteger completed) {
    var target = completed.get() + count;
    for (int i = 0; i < count; i++) {
      fixture.client().newCreateInstanceCommand().bpmnProcessId("bench").latestVersion()
          .send().join();
    }
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
        .until(() -> completed.get() >= target);
    assertThat(completed.get()).as("jobs completed by the worker").isEqualTo(target);
  }

  private static double percentile(List<Double> sorted, int percent) {
    var index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
