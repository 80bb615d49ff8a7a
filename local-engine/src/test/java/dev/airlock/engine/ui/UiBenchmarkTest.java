package dev.airlock.engine.ui;

import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import dev.airlock.engine.LocalEngine;
import dev.airlock.engine.LocalEngineOptions;
import io.camunda.client.CamundaClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how long the task view and the history of one instance take to render in headless
 * Chromium, from navigation until the page's content is in the DOM (images may still be
 * loading). Run it with {@code -Dairlock.excludedGroups= -Dgroups=benchmark}.
 */
@Tag("benchmark")
class UiBenchmarkTest {

  static final int ROUNDS = 10;
  static final int EXTRA_VARIABLES = 200;
  static final int DOCUMENTS = 20;

  @TempDir Path dataDirectory;

  @Test
  void taskViewAndHistoryRenderTimes() {
    try (var engine = LocalEngine.start(
            LocalEngineOptions.defaults().withDataDirectory(dataDirectory));
        var client = CamundaClient.newClientBuilder().restAddress(engine.restAddress())
            .preferRestOverGrpc(true).build();
        var browser = new UiBrowser();
        var session = browser.open(engine.restAddress())) {
      client.newDeployResourceCommand()
          .addResourceFromClasspath("ui/ui-review.bpmn")
          .addResourceFromClasspath("ui/ui-review-form.form")
          .send().join();
      var processInstanceKey = startLargeInstance(client);
      var userTaskKey = await().until(() -> client.newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(processInstanceKey)).send().join().items(),
          items -> !items.isEmpty()).get(0).getUserTaskKey();
      var page = session.context().newPage();

      var taskView = measure(page, "/tasks/" + userTaskKey, ".completion button");
      var history = measure(page, "/history/" + processInstanceKey, "#variables table");

      System.out.printf("Task view with %d screenshots, %d rounds, ms: %s%n", DOCUMENTS, ROUNDS,
          summary(taskView));
      System.out.printf("History of one instance with %d process variables and %d documents,"
          + " %d rounds, ms: %s%n", EXTRA_VARIABLES + 1, DOCUMENTS, ROUNDS, summary(history));
    }
  }

  private static long startLargeInstance(CamundaClient client) {
    var png = UiImages.png(800, 450);
    var screenshots = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < DOCUMENTS; i++) {
      var document = client.newCreateDocumentCommand().content(png).contentType("image/png")
          .fileName("screen-" + i + ".png").send().join();
      screenshots.add(Map.of("camunda.document.type", "camunda",
          "storeId", document.getStoreId(), "documentId", document.getDocumentId(),
          "contentHash", document.getContentHash(),
          "metadata", Map.of("contentType", "image/png", "fileName", "screen-" + i + ".png")));
    }
    var variables = new HashMap<String, Object>();
    variables.put("action", Map.of("description", "Click button 'Pay'",
        "screenshots", screenshots));
    for (int i = 0; i < EXTRA_VARIABLES; i++) {
      variables.put("value" + i, Map.of("index", i, "text", "step " + i + " of the task"));
    }
    return client.newCreateInstanceCommand().bpmnProcessId("ui-review").latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  /** Returns the milliseconds from navigation until selector is visible, once per round. */
  private static List<Long> measure(Page page, String path, String selector) {
    var times = new ArrayList<Long>();
    for (int round = 0; round < ROUNDS; round++) {
      var started = System.nanoTime();
      page.navigate(path);
      page.locator(selector).waitFor();
      times.add((System.nanoTime() - started) / 1_000_000);
    }
    return times;
  }

  private static String summary(List<Long> times) {
    var sorted = times.stream().sorted().toList();
    return "min " + sorted.get(0) + ", median " + sorted.get(sorted.size() / 2) + ", max "
        + sorted.get(sorted.size() - 1);
  }
}
