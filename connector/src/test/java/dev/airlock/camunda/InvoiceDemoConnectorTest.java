package dev.airlock.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.automation.TaskRunner;
import dev.airlock.camunda.model.BrowserTaskResult;
import dev.airlock.evidence.BundleVerifier;
import dev.airlock.evidence.SigningKey;
import dev.airlock.examples.demoapp.DemoApp;
import dev.airlock.identity.IdentityRegistry;
import dev.airlock.identity.SecretResolver;
import dev.airlock.policy.Approval;
import dev.airlock.policy.ApprovalSigner;
import dev.airlock.policy.ApprovalVerifier;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.sandbox.SandboxConfig;
import dev.airlock.sandbox.SandboxManager;
import io.camunda.connector.api.error.ConnectorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs the steps of examples/processes/invoice-payment.bpmn through the connector with the real
 * task runner, Chromium under Xvfb and the demo invoice app: the first run stops at the Pay
 * checkpoint, the run after an approval pays the invoice once, and a third run, as a retried job
 * would make, finds the approval used and stops at the checkpoint again.
 */
class InvoiceDemoConnectorTest {

  private static final Path DEMO_PROCESS = NodeChecks.REPOSITORY.resolve("examples/processes/invoice-payment.bpmn");

  @TempDir static Path folder;

  private static DemoApp demoApp;
  private static SigningKey key;
  private static AirlockBrowserTaskConnector connector;
  private static final List<Approval> decisions = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    demoApp = DemoApp.start();
    String origin = demoApp.baseUrl().toString().replaceAll("/$", "");
    Path identities = folder.resolve("identities.json");
    Files.writeString(
        identities,
        Files.readString(NodeChecks.REPOSITORY.resolve("examples/processes/identities.json"))
            .replace("http://127.0.0.1:8086", origin)
            .replaceAll("\"expiresAt\": \"[^\"]+\"", "\"expiresAt\": \"" + Instant.now().plus(Duration.ofDays(1)) + "\""));
    key = SigningKey.generate();
    TaskRunner runner =
        new TaskRunner(
            new SandboxManager(SandboxConfig.defaults().withWorkRoot(folder.resolve("sandboxes"))),
            key,
            RiskPolicy.defaults(),
            new ApprovalVerifier(key.publicKey()));
    connector =
        new AirlockBrowserTaskConnector(
            IdentityRegistry.load(identities),
            new SecretResolver(
                Map.of("AIRLOCK_DEMO_PASSWORD", "demo-password")::get, Map.of("AIRLOCK_DEMO_USERNAME", "demo")::get),
            (processInstanceKey, identity, validity) -> List.copyOf(decisions),
            runner::run,
            new AirlockConnectorSettings(folder.resolve("evidence"), Duration.ofMinutes(5), Clock.systemUTC()));
  }

  @AfterAll
  static void stop() {
    if (demoApp != null) {
      demoApp.close();
    }
  }

  @Test
  void paysInvoiceOnceAfterApproval() throws Exception {
    Map<String, Object> variables = demoRequest();

    ConnectorException checkpoint = runExpectingError(variables);

    assertThat(checkpoint.getErrorCode()).as("first run: %s", checkpoint.getMessage()).isEqualTo(AirlockErrorCodes.CHECKPOINT);
    assertThat(checkpoint.getMessage()).contains("Pay");
    assertThat(demoApp.paymentCount("INV-1001")).as("payments before approval").isZero();
    Map<?, ?> pending = (Map<?, ?>) checkpoint.getErrorVariables().get("airlockCheckpoint");
    assertThat(pending.get("screenshot")).as("screenshot document").isNotNull();

    decisions.add(
        new ApprovalSigner(key)
            .sign("2251799813685249", (String) pending.get("fingerprint"), Approval.APPROVED, "bob", Instant.now(), Duration.ofMinutes(15)));
    BrowserTaskResult result = (BrowserTaskResult) connector.execute(TestConnectorContext.of(variables, Map.of()));

    assertThat(demoApp.paymentCount("INV-1001")).as("payments after approval").isEqualTo(1);
    assertThat(result.result().extracted()).containsEntry("invoiceTotal", "EUR 1,250.00");
    assertThat(result.result().downloads()).containsKey("invoicePdf");
    assertThat(result.evidence().stepCount()).isEqualTo(10);
    Path bundleZip = folder.resolve("uploaded-bundle.zip");
    TestConnectorContext.download(result.evidence().bundle(), bundleZip);
    assertThat(BundleVerifier.verify(bundleZip).valid()).as("uploaded bundle verifies").isTrue();

    ConnectorException rerun = runExpectingError(variables);

    assertThat(rerun.getErrorCode()).as("run with a used approval: %s", rerun.getMessage()).isEqualTo(AirlockErrorCodes.CHECKPOINT);
    assertThat(demoApp.paymentCount("INV-1001")).as("payments after the rerun").isEqualTo(1);
  }

  private static ConnectorException runExpectingError(Map<String, Object> variables) {
    try {
      connector.execute(TestConnectorContext.of(variables, Map.of()));
    } catch (ConnectorException e) {
      return e;
    }
    throw new AssertionError("expected the run to stop at the Pay checkpoint, but it completed");
  }

  /** Returns the browser task's inputs from the demo BPMN file, with its FEEL fields evaluated by hand. */
  private static Map<String, Object> demoRequest() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    NodeList inputs =
        factory.newDocumentBuilder().parse(DEMO_PROCESS.toFile()).getElementsByTagNameNS("http://camunda.org/schema/zeebe/1.0", "input");
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < inputs.getLength(); i++) {
      Element input = (Element) inputs.item(i);
      if (!input.getAttribute("source").startsWith("=")) {
        variables.put(input.getAttribute("target"), input.getAttribute("source"));
      }
    }
    String origin = demoApp.baseUrl().toString().replaceAll("/$", "");
    variables.put("startUrl", origin + "/login");
    variables.put("allowedOrigins", List.of(origin));
    return variables;
  }
}
