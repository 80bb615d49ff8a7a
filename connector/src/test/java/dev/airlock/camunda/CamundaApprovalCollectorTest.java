package dev.airlock.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.airlock.evidence.SigningKey;
import dev.airlock.identity.AgentIdentity;
import dev.airlock.policy.Approval;
import dev.airlock.policy.ApprovalSigner;
import dev.airlock.policy.ApprovalVerifier;
import io.camunda.client.CamundaClient;
import io.camunda.client.impl.NoopCredentialsProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the collector with the real Camunda client against a loopback stub of the two search
 * endpoints it calls. The stub returns every variable of the instance whatever the filter, so the
 * tests also show that values from outer scopes are never taken as the approver's decision.
 */
class CamundaApprovalCollectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long INSTANCE = 100;
  private static final String FINGERPRINT = "ab".repeat(32);
  private static final Instant COMPLETED_AT = Instant.parse("2026-12-04T12:05:00Z");

  private final AgentIdentity clerk =
      new AgentIdentity(
          "invoice-clerk", "finance-robots", List.of(), Set.of(), Map.of(), Instant.parse("2027-01-01T00:00:00Z"), false);
  private final SigningKey key = SigningKey.generate();
  private final ArrayNode userTasks = JSON.createArrayNode();
  private final ArrayNode variables = JSON.createArrayNode();
  private HttpServer server;
  private CamundaClient client;

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v2/user-tasks/search", exchange -> reply(exchange, userTasks));
    server.createContext("/v2/variables/search", exchange -> reply(exchange, variables));
    server.start();
    URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    client =
        CamundaClient.newClientBuilder()
            .restAddress(address)
            .grpcAddress(address)
            .preferRestOverGrpc(true)
            .credentialsProvider(new NoopCredentialsProvider())
            .build();
  }

  @AfterEach
  void stopStub() {
    client.close();
    server.stop(0);
  }

  @Test
  void approvedUserTaskBecomesSignedApproval() {
    userTask(1, 22, "bob");
    variable(22, CamundaApprovalCollector.FINGERPRINT, FINGERPRINT);
    variable(22, CamundaApprovalCollector.DECISION, "APPROVED");

    List<Approval> approvals = collect();

    assertThat(approvals).hasSize(1);
    Approval approval = approvals.getFirst();
    assertThat(approval.approver()).isEqualTo("bob");
    assertThat(approval.decision()).isEqualTo(Approval.APPROVED);
    assertThat(approval.fingerprint()).isEqualTo(FINGERPRINT);
    assertThat(approval.processInstanceKey()).isEqualTo("100");
    assertThat(approval.decidedAt()).isEqualTo(COMPLETED_AT);
    assertThat(approval.expiresAt()).isEqualTo(COMPLETED_AT.plus(Duration.ofMinutes(15)));
    ApprovalVerifier.Check check =
        new ApprovalVerifier(key.publicKey())
            .verify(approval, FINGERPRINT, clerk.id(), clerk.owner(), COMPLETED_AT.plusSeconds(60));
    assertThat(check.accepted()).as("verification: %s", check.problem()).isTrue();
  }

  @Test
  void decisionFromProcessScopeIsIgnored() {
    userTask(1, 22, "bob");
    variable(22, CamundaApprovalCollector.FINGERPRINT, FINGERPRINT);
    variable(INSTANCE, CamundaApprovalCollector.DECISION, "APPROVED");

    assertThat(collect()).isEmpty();
  }

  @Test
  void ownerDecisionIsIgnored() {
    userTask(1, 22, "finance-robots");
    variable(22, CamundaApprovalCollector.FINGERPRINT, FINGERPRINT);
    variable(22, CamundaApprovalCollector.DECISION, "APPROVED");

    assertThat(collect()).isEmpty();
  }

  @Test
  void userTaskWithoutFingerprintIsIgnored() {
    userTask(1, 22, "bob");
    variable(22, CamundaApprovalCollector.DECISION, "APPROVED");

    assertThat(collect()).isEmpty();
  }

  @Test
  void rejectionIsCollected() {
    userTask(1, 22, "bob");
    variable(22, CamundaApprovalCollector.FINGERPRINT, FINGERPRINT);
    variable(22, CamundaApprovalCollector.DECISION, "REJECTED");

    assertThat(collect()).singleElement().extracting(Approval::decision).isEqualTo(Approval.REJECTED);
  }

  @Test
  void approvalEndsAtActionExpiry() {
    userTask(1, 22, "bob");
    variable(22, CamundaApprovalCollector.FINGERPRINT, FINGERPRINT);
    variable(22, CamundaApprovalCollector.DECISION, "APPROVED");
    variable(22, CamundaApprovalCollector.ACTION_EXPIRES_AT, "2026-12-04T12:10:00Z");

    assertThat(collect()).singleElement().extracting(Approval::expiresAt).isEqualTo(Instant.parse("2026-12-04T12:10:00Z"));
  }

  private List<Approval> collect() {
    return new CamundaApprovalCollector(client, new ApprovalSigner(key)).approvals(INSTANCE, clerk, Duration.ofMinutes(15));
  }

  private void userTask(long key, long elementInstanceKey, String assignee) {
    ObjectNode task = userTasks.addObject();
    task.put("userTaskKey", Long.toString(key));
    task.put("name", "Approve pending action");
    task.put("state", "COMPLETED");
    task.put("assignee", assignee);
    task.put("elementId", "ApproveAction");
    task.put("elementInstanceKey", Long.toString(elementInstanceKey));
    task.put("processDefinitionId", "airlock-approval-checkpoint");
    task.put("processDefinitionKey", "7");
    task.put("processInstanceKey", Long.toString(INSTANCE));
    task.put("processDefinitionVersion", 1);
    task.put("tenantId", "<default>");
    task.put("creationDate", "2026-12-04T12:00:00.000Z");
    task.put("completionDate", "2026-12-04T12:05:00.000Z");
    task.put("priority", 50);
    task.putArray("candidateGroups");
    task.putArray("candidateUsers");
    task.putObject("customHeaders");
  }

  private void variable(long scopeKey, String name, String text) {
    ObjectNode variable = variables.addObject();
    variable.put("variableKey", Long.toString(1000 + variables.size()));
    variable.put("name", name);
    variable.put("value", JSON.valueToTree(text).toString());
    variable.put("scopeKey", Long.toString(scopeKey));
    variable.put("processInstanceKey", Long.toString(INSTANCE));
    variable.put("tenantId", "<default>");
    variable.put("isTruncated", false);
  }

  private static void reply(HttpExchange exchange, ArrayNode items) throws IOException {
    exchange.getRequestBody().readAllBytes();
    ObjectNode body = JSON.createObjectNode();
    body.set("items", items);
    ObjectNode page = body.putObject("page");
    page.put("totalItems", items.size());
    page.put("hasMoreTotalItems", false);
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
