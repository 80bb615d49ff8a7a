package dev.airlock.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.airlock.runtime.AirlockCli;
import dev.airlock.runtime.approval.ApprovalDesk;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code airlock demo} as a person runs it: the demo waits at the approval until someone decides
 * with {@code airlock approve} from another terminal.
 */
class DemoCommandTest {

  @TempDir Path data;

  @Test
  void demoWaitsForPersonThenCompletes() throws Exception {
    int enginePort = freePort();
    String engine = "http://127.0.0.1:" + enginePort;
    CompletableFuture<Integer> demo =
        CompletableFuture.supplyAsync(
            () ->
                AirlockCli.commandLine()
                    .execute(
                        "demo",
                        "--data", data.toString(),
                        "--engine-port", String.valueOf(enginePort),
                        "--app-port", "0",
                        "--timeout", "PT3M"));

    await("pending approval")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> demo.isDone() || hasPending(engine));
    assertThat(demo).as("demo must wait for the decision").isNotDone();
    Thread.sleep(2_000);
    assertThat(demo).as("demo must still wait after the approval appeared").isNotDone();

    int approve = AirlockCli.commandLine().execute("approve", "--engine", engine, "--as", "dana", "--comment", "ok");

    assertThat(approve).isZero();
    assertThat(demo.get(3, TimeUnit.MINUTES)).as("demo exit code").isZero();
    try (var bundles = Files.list(data.resolve("evidence"))) {
      assertThat(bundles.filter(path -> path.toString().endsWith(".zip")).count())
          .as("bundles: one before and one after the approval")
          .isEqualTo(2);
    }
  }

  @Test
  void demoStopsWhenSelfApprovalIsIgnored() throws Exception {
    int exitCode =
        AirlockCli.commandLine()
            .execute(
                "demo",
                "--data", data.toString(),
                "--engine-port", "0",
                "--app-port", "0",
                "--approve-as", "invoice-clerk",
                "--timeout", "PT3M");

    assertThat(exitCode).as("exit code after the ignored self-approval").isEqualTo(1);
    try (var bundles = Files.list(data.resolve("evidence"))) {
      assertThat(bundles.filter(path -> path.toString().endsWith(".zip")).count())
          .as("runs: the checkpoint, then the same checkpoint again, and no loop")
          .isEqualTo(2);
    }
  }

  private static boolean hasPending(String engine) {
    try (CamundaClient client = Clients.rest(URI.create(engine))) {
      return !new ApprovalDesk(client).pending(null).isEmpty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
