package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.BpmnTransformer;
import dev.airlock.engine.bpmn.DeploymentRejectedException;
import dev.airlock.engine.bpmn.FormResource;
import dev.airlock.engine.bpmn.ProcessModel;
import dev.airlock.engine.store.DefinitionStore.FormRow;
import dev.airlock.engine.store.DefinitionStore.ProcessDefinitionRow;
import dev.airlock.engine.store.Stores;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys BPMN and form resources, all or nothing. A resource identical to the latest version of
 * its process or form is not deployed again: the latest version is returned, as Camunda 8 does.
 */
public final class Deployments {

  private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);

  /** One uploaded file. */
  public record Resource(String name, byte[] content) {}

  /** What a deployment created or found unchanged. */
  public record Deployed(long deploymentKey, List<ProcessDefinitionRow> processes,
      List<FormRow> forms) {}

  private final Stores stores;
  private final BpmnTransformer transformer;
  private final CommandRunner runner;

  Deployments(Stores stores, BpmnTransformer transformer, CommandRunner runner) {
    this.stores = stores;
    this.transformer = transformer;
    this.runner = runner;
  }

  public Deployed deploy(List<Resource> resources) {
    if (resources.isEmpty()) {
      throw EngineException.invalidArgument(
          "No resources given: send at least one .bpmn or .form file in the 'resources' part");
    }
    var processes = new ArrayList<ParsedProcess>();
    var forms = new ArrayList<ParsedForm>();
    var ids = new HashSet<String>();
    for (var resource : resources) {
      var name = resource.name() == null ? "" : resource.name();
      if (name.endsWith(".bpmn") || name.endsWith(".xml")) {
        for (var model : transformer.transform(name, resource.content())) {
          if (!ids.add("process:" + model.processId())) {
            throw new DeploymentRejectedException("Process id '" + model.processId()
                + "' occurs twice in this deployment; deploy each process once");
          }
          processes.add(new ParsedProcess(name, resource.content(), model));
        }
      } else if (name.endsWith(".form")) {
        var formId = FormResource.formId(name, resource.content(), Json.mapper());
        if (!ids.add("form:" + formId)) {
          throw new DeploymentRejectedException(
              "Form id '" + formId + "' occurs twice in this deployment; deploy each form once");
        }
        forms.add(new ParsedForm(name, resource.content(), formId));
      } else {
        throw new DeploymentRejectedException("Resource '" + name + "' is neither a .bpmn nor a"
            + " .form file; the local engine deploys only processes and forms");
      }
    }
    return runner.run(() -> store(processes, forms));
  }

  private Deployed store(List<ParsedProcess> processes, List<ParsedForm> forms) {
    var deploymentKey = stores.keys().next();
    stores.definitions().insertDeployment(deploymentKey, System.currentTimeMillis());
    var deployedProcesses = new ArrayList<ProcessDefinitionRow>();
    for (var process : processes) {
      var checksum = sha256(process.content());
      var id = process.model().processId();
      var latest = stores.definitions().latestProcess(id);
      if (latest.isPresent() && latest.get().checksum().equals(checksum)) {
        deployedProcesses.add(latest.get());
        continue;
      }
      var row = new ProcessDefinitionRow(stores.keys().next(), id,
          latest.map(r -> r.version() + 1).orElse(1), process.model().name(),
          process.model().versionTag(), process.resourceName(), checksum,
          new String(process.content(), StandardCharsets.UTF_8), deploymentKey);
      stores.definitions().insertProcess(row);
      deployedProcesses.add(row);
      LOG.info("Deployed process '{}' version {} with key {}", id, row.version(),
          row.processDefinitionKey());
    }
    var deployedForms = new ArrayList<FormRow>();
    for (var form : forms) {
      var checksum = sha256(form.content());
      var latest = stores.definitions().latestForm(form.formId());
      if (latest.isPresent() && latest.get().checksum().equals(checksum)) {
        deployedForms.add(latest.get());
        continue;
      }
      var row = new FormRow(stores.keys().next(), form.formId(),
          latest.map(r -> r.version() + 1).orElse(1), form.resourceName(), checksum,
          new String(form.content(), StandardCharsets.UTF_8), deploymentKey);
      stores.definitions().insertForm(row);
      deployedForms.add(row);
    }
    return new Deployed(deploymentKey, deployedProcesses, deployedForms);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private record ParsedProcess(String resourceName, byte[] content, ProcessModel model) {}

  private record ParsedForm(String resourceName, byte[] content, String formId) {}
}
