package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.engine.EngineException;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Variable search and get. Variables stay after their instance ends, so the final values of a
 * completed instance remain searchable.
 */
@EngineApi
@ResponseBody
@RequestMapping("/v2/variables")
final class VariableController {

  private final Engine engine;
  private final Search search;

  VariableController(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.search = new Search(mapper);
  }

  @PostMapping("/search")
  ObjectNode search(@RequestBody(required = false) JsonNode request) {
    var rows = engine.stores().variables().variables(JobController.processInstanceFilter(request));
    return search.run(request, rows.stream().map(Results::variable).toList(),
        VariableSearchResult.class, "variableKey", Map.of());
  }

  @GetMapping("/{key}")
  VariableSearchResult get(@PathVariable("key") String key) {
    return engine.stores().variables().find(PathKeys.parse(key, "variable key"))
        .map(Results::variable)
        .orElseThrow(() -> EngineException.notFound("Variable with key " + key + " not found"));
  }
}
