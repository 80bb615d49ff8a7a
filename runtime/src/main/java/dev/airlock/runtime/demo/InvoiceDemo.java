package dev.airlock.runtime.demo;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Deploys the example invoice process and starts instances of it. */
public final class InvoiceDemo {

  /** BPMN process id of the example invoice process. */
  public static final String PROCESS_ID = "airlock-invoice-payment";

  /** Demo app invoice that the example process pays. */
  public static final String INVOICE_ID = "INV-1001";

  /** Classpath resources deployed together: the process and the approval form. */
  static final List<String> RESOURCES =
      List.of("processes/invoice-payment.bpmn", "processes/invoice-payment-approval.form");

  private final CamundaClient client;

  public InvoiceDemo(CamundaClient client) {
    this.client = client;
  }

  /** Deploys the process and its form; deploying them again unchanged creates no new version. */
  public DeploymentEvent deploy() {
    var command = client.newDeployResourceCommand().addResourceBytes(DemoFiles.readResource(RESOURCES.get(0)), name(0));
    for (int index = 1; index < RESOURCES.size(); index++) {
      command = command.addResourceBytes(DemoFiles.readResource(RESOURCES.get(index)), name(index));
    }
    return command.send().join();
  }

  /** Starts an instance that works on the demo app at {@code demoAppUrl}; returns its key. */
  public long start(URI demoAppUrl) {
    String origin = demoAppUrl.toString().replaceAll("/+$", "");
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(Map.of("demoAppUrl", origin))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static String name(int index) {
    String resource = RESOURCES.get(index);
    return resource.substring(resource.lastIndexOf('/') + 1);
  }
}
