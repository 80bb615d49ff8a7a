package dev.airlock.engine.api;

import dev.airlock.engine.engine.Deployments.Resource;
import dev.airlock.engine.engine.Engine;
import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /v2/deployments}: deploys .bpmn and .form files. */
@EngineApi
@ResponseBody
@RequestMapping("/v2/deployments")
final class DeploymentController {

  private final Engine engine;

  DeploymentController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping(consumes = "multipart/form-data")
  DeploymentResult deploy(@RequestPart("resources") List<MultipartFile> files) {
    var resources = files.stream().map(DeploymentController::resource).toList();
    var deployed = engine.deployments().deploy(resources);

    var metadata = new ArrayList<DeploymentMetadataResult>();
    for (var process : deployed.processes()) {
      metadata.add(new DeploymentMetadataResult().processDefinition(
          new DeploymentProcessResult()
              .processDefinitionKey(Results.key(process.processDefinitionKey()))
              .processDefinitionId(process.processDefinitionId())
              .processDefinitionVersion(process.version())
              .resourceName(process.resourceName())
              .tenantId(Results.TENANT)));
    }
    for (var form : deployed.forms()) {
      metadata.add(new DeploymentMetadataResult().form(
          new DeploymentFormResult()
              .formKey(Results.key(form.formKey()))
              .formId(form.formId())
              .version(form.version())
              .resourceName(form.resourceName())
              .tenantId(Results.TENANT)));
    }
    return new DeploymentResult().deploymentKey(Results.key(deployed.deploymentKey()))
        .tenantId(Results.TENANT).deployments(metadata);
  }

  private static Resource resource(MultipartFile file) {
    try {
      return new Resource(file.getOriginalFilename(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the uploaded resource", e);
    }
  }
}
