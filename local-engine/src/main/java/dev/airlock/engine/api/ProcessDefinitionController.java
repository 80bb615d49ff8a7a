package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.engine.EngineException;
import dev.airlock.engine.store.DefinitionStore.ProcessDefinitionRow;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Search, get and XML of deployed process definitions. */
@EngineApi
@ResponseBody
@RequestMapping("/v2/process-definitions")
final class ProcessDefinitionController {

  private final Engine engine;
  private final Search search;

  ProcessDefinitionController(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.search = new Search(mapper);
  }

  @PostMapping("/search")
  ObjectNode search(@RequestBody(required = false) JsonNode request) {
    var rows = engine.stores().definitions().processes();
    var latest = new HashMap<String, Integer>();
    rows.forEach(r -> latest.merge(r.processDefinitionId(), r.version(), Math::max));
    Map<String, BiPredicate<ObjectNode, JsonNode>> special = Map.of("isLatestVersion",
        (item, condition) -> {
          var isLatest = latest.get(item.get("processDefinitionId").asText())
              == item.get("version").asInt();
          return Search.matches(BooleanNode.valueOf(isLatest), condition, "isLatestVersion");
        });
    return search.run(request, rows.stream().map(Results::processDefinition).toList(),
        ProcessDefinitionResult.class, "processDefinitionKey", special);
  }

  @GetMapping("/{key}")
  ProcessDefinitionResult get(@PathVariable("key") String key) {
    return Results.processDefinition(find(key));
  }

  @GetMapping(value = "/{key}/xml", produces = MediaType.TEXT_XML_VALUE)
  ResponseEntity<String> xml(@PathVariable("key") String key) {
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(find(key).bpmnXml());
  }

  private ProcessDefinitionRow find(String key) {
    var definitionKey = PathKeys.parse(key, "process definition key");
    return engine.stores().definitions().process(definitionKey).orElseThrow(() ->
        EngineException.notFound("Process definition with key " + key + " not found"));
  }
}
