package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.engine.EngineException;
import dev.airlock.engine.store.InstanceStore.ProcessInstanceRow;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Create, search, get and cancel process instances. */
@EngineApi
@ResponseBody
@RequestMapping("/v2/process-instances")
final class ProcessInstanceController {

  private final Engine engine;
  private final Search search;

  ProcessInstanceController(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.search = new Search(mapper);
  }

  @PostMapping
  CreateProcessInstanceResult create(@RequestBody ProcessInstanceCreationInstruction request) {
    if (request.getStartInstructions() != null && !request.getStartInstructions().isEmpty()) {
      throw EngineException.invalidArgument("startInstructions are not supported by the local"
          + " engine; start the process at its none start event");
    }
    if (request.getRuntimeInstructions() != null && !request.getRuntimeInstructions().isEmpty()) {
      throw EngineException.invalidArgument(
          "runtimeInstructions are not supported by the local engine; remove them");
    }
    if (Boolean.TRUE.equals(request.getAwaitCompletion())) {
      throw EngineException.invalidArgument("awaitCompletion is not supported by the local"
          + " engine; create the instance and query its variables when it has completed");
    }
    var variables = request.getVariables() == null ? Map.<String, Object>of()
        : request.getVariables();
    var row = engine.instances().create(
        PathKeys.parseOptional(request.getProcessDefinitionKey(), "processDefinitionKey"),
        request.getProcessDefinitionId(), request.getProcessDefinitionVersion(), variables);
    return new CreateProcessInstanceResult()
        .processInstanceKey(Results.key(row.processInstanceKey()))
        .processDefinitionKey(Results.key(row.processDefinitionKey()))
        .processDefinitionId(row.processDefinitionId())
        .processDefinitionVersion(row.version())
        .tenantId(Results.TENANT)
        .tags(request.getTags());
  }

  @PostMapping("/search")
  ObjectNode search(@RequestBody(required = false) JsonNode request) {
    var key = request == null ? null : request.path("filter").path("processInstanceKey");
    var exactKey = key != null && key.isValueNode() && !key.isNull()
        ? PathKeys.parse(key.asText(), "processInstanceKey") : null;
    var results = engine.stores().instances().processInstances(exactKey).stream()
        .map(this::result).toList();
    return search.run(request, results, ProcessInstanceResult.class, "processInstanceKey",
        Map.of());
  }

  @GetMapping("/{key}")
  ProcessInstanceResult get(@PathVariable("key") String key) {
    var instanceKey = PathKeys.parse(key, "process instance key");
    return engine.stores().instances().processInstance(instanceKey).map(this::result)
        .orElseThrow(() ->
            EngineException.notFound("Process instance with key " + key + " not found"));
  }

  @PostMapping("/{key}/cancellation")
  ResponseEntity<Void> cancel(@PathVariable("key") String key,
      @RequestBody(required = false) JsonNode ignoredOperationReference) {
    engine.instances().cancel(PathKeys.parse(key, "process instance key"));
    return ResponseEntity.noContent().build();
  }

  private ProcessInstanceResult result(ProcessInstanceRow row) {
    var name = engine.models().get(row.processDefinitionKey()).name();
    var hasIncident = engine.stores().incidents().hasActive(row.processInstanceKey());
    return Results.processInstance(row, hasIncident, name);
  }
}
