package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calls the official connector runtime 8.8 makes, with the bodies it sends. */
class ConnectorRuntimeApiTest {

  @TempDir static Path dataDirectory;
  static EngineFixture fixture;
  static final ObjectMapper MAPPER = new ObjectMapper();

  @BeforeAll
  static void startEngine() {
    fixture = new EngineFixture(dataDirectory);
    for (int i = 0; i < 5; i++) {
      var process = Bpmn.createExecutableProcess("p" + i).startEvent("start").endEvent("end")
          .done();
      fixture.client().newDeployResourceCommand().addProcessModel(process, "p" + i + ".bpmn")
          .send().join();
    }
    var secondVersion = Bpmn.createExecutableProcess("p0").name("second").startEvent("start")
        .endEvent("end").done();
    fixture.client().newDeployResourceCommand().addProcessModel(secondVersion, "p0.bpmn")
        .send().join();
  }

  @AfterAll
  static void stopEngine() {
    fixture.close();
  }

  @Test
  void latestVersionPollingEndsOnEmptyPage() throws Exception {
    var keys = new ArrayList<String>();
    String after = null;
    int pages = 0;
    while (pages++ < 20) {
      var page = after == null ? "{\"limit\":2}" : "{\"limit\":2,\"after\":\"" + after + "\"}";
      var body = "{\"sort\":[],\"filter\":{\"isLatestVersion\":true},\"page\":" + page + "}";
      var result = post("/v2/process-definitions/search", body);
      if (result.path("items").isEmpty()) {
        break;
      }
      result.path("items").forEach(item -> keys.add(item.path("processDefinitionKey").asText()));
      after = result.path("page").path("endCursor").asText();
    }

    assertThat(pages).as("pages requested").isLessThan(20);
    assertThat(keys).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void processXmlIsServedAsTextXml() throws Exception {
    var definition = fixture.client().newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId("p1")).send().join().items().get(0);
    var request = HttpRequest.newBuilder(URI.create(fixture.engine().restAddress()
        + "/v2/process-definitions/" + definition.getProcessDefinitionKey() + "/xml")).build();

    try (var http = HttpClient.newHttpClient()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).startsWith("text/xml"));
      assertThat(response.body()).contains("id=\"p1\"");
    }
  }

  @Test
  void documentRoundTripKeepsMetadata() {
    var client = fixture.client();
    var content = "evidence".getBytes(StandardCharsets.UTF_8);

    var reference = client.newCreateDocumentCommand().content(content).fileName("e.txt")
        .contentType("text/plain").customMetadata("kind", "evidence").send().join();

    assertThat(reference.getStoreId()).isNotBlank();
    assertThat(reference.getContentHash()).isNotBlank();
    assertThat(reference.getMetadata().getFileName()).isEqualTo("e.txt");
    assertThat(reference.getMetadata().getCustomProperties()).containsEntry("kind", "evidence");
    try (var stream = client.newDocumentContentGetRequest(reference).send().join()) {
      assertThat(stream.readAllBytes()).isEqualTo(content);
    } catch (IOException e) {
      throw new AssertionError(e);
    }

    client.newDeleteDocumentCommand(reference).send().join();
    var problem = catchThrowableOfType(ProblemException.class,
        () -> client.newDocumentContentGetRequest(reference).send().join());
    assertThat(problem.code()).isEqualTo(404);
  }

  @Test
  void htmlDocumentIsServedSandboxed() throws Exception {
    var html = "<script>fetch('/v2/user-tasks/search')</script>".getBytes(StandardCharsets.UTF_8);
    var reference = fixture.client().newCreateDocumentCommand().content(html).fileName("report.html")
        .contentType("text/html").send().join();

    var request = HttpRequest.newBuilder(URI.create(fixture.engine().restAddress()
        + "/v2/documents/" + reference.getDocumentId() + "?storeId=" + reference.getStoreId())).build();
    try (var http = HttpClient.newHttpClient()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(html);
      assertThat(response.headers().firstValue("Content-Security-Policy")).as("CSP header")
          .hasValue("sandbox");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void crossOriginWriteIsForbidden() throws Exception {
    var request = HttpRequest.newBuilder(URI.create(fixture.engine().restAddress() + "/v2/process-instances/search"))
        .header("Content-Type", "application/json")
        .header("Origin", "http://127.0.0.2:9")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    try (var http = HttpClient.newHttpClient()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(MAPPER.readTree(response.body()).path("detail").asText()).contains("http://127.0.0.2:9");
    }
  }

  @Test
  void topologyShowsOneHealthyNode() {
    var topology = fixture.client().newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getBrokers()).singleElement().satisfies(broker ->
        assertThat(broker.getPartitions()).singleElement()
            .satisfies(p -> assertThat(p.isLeader()).isTrue()));
  }

  private static JsonNode post(String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(fixture.engine().restAddress() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try (var http = HttpClient.newHttpClient()) {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
      return MAPPER.readTree(response.body());
    }
  }
}
