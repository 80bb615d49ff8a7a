package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.engine.EngineException;
import dev.airlock.engine.store.InstanceStore.ElementInstanceRow;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.SetVariableRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Element instance search and get, and setting variables on an element instance's scope. */
@EngineApi
@ResponseBody
@RequestMapping("/v2/element-instances")
final class ElementInstanceController {

  private final Engine engine;
  private final Search search;

  ElementInstanceController(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.search = new Search(mapper);
  }

  @PostMapping("/search")
  ObjectNode search(@RequestBody(required = false) JsonNode request) {
    var rows = engine.stores().instances()
        .elementInstances(JobController.processInstanceFilter(request));
    var results = rows.stream().filter(r -> r.flowScopeKey() != null).map(this::result).toList();
    return search.run(request, results, ElementInstanceResult.class, "elementInstanceKey",
        Map.of());
  }

  @GetMapping("/{key}")
  ElementInstanceResult get(@PathVariable("key") String key) {
    return engine.stores().instances().elementInstance(PathKeys.parse(key, "element instance key"))
        .map(this::result)
        .orElseThrow(() ->
            EngineException.notFound("Element instance with key " + key + " not found"));
  }

  @PutMapping("/{key}/variables")
  ResponseEntity<Void> setVariables(@PathVariable("key") String key,
      @RequestBody SetVariableRequest request) {
    if (request.getVariables() == null) {
      throw EngineException.invalidArgument("variables is missing; give a JSON object");
    }
    engine.instances().setVariables(PathKeys.parse(key, "element instance key"),
        request.getVariables(), Boolean.TRUE.equals(request.getLocal()));
    return ResponseEntity.noContent().build();
  }

  private ElementInstanceResult result(ElementInstanceRow row) {
    var instance = engine.stores().instances().processInstance(row.processInstanceKey())
        .orElseThrow();
    var model = engine.models().get(instance.processDefinitionKey());
    return Results.elementInstance(row, instance.processDefinitionId(),
        instance.processDefinitionKey(), model.element(row.elementId()).name());
  }
}
