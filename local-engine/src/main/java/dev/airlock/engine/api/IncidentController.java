package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.engine.EngineException;
import io.camunda.client.protocol.rest.IncidentResult;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Incident search, get and resolution. */
@EngineApi
@ResponseBody
@RequestMapping("/v2/incidents")
final class IncidentController {

  private final Engine engine;
  private final Search search;

  IncidentController(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.search = new Search(mapper);
  }

  @PostMapping("/search")
  ObjectNode search(@RequestBody(required = false) JsonNode request) {
    var rows = engine.stores().incidents().incidents(JobController.processInstanceFilter(request));
    return search.run(request, rows.stream().map(Results::incident).toList(),
        IncidentResult.class, "incidentKey", Map.of());
  }

  @GetMapping("/{key}")
  IncidentResult get(@PathVariable("key") String key) {
    return engine.stores().incidents().find(PathKeys.parse(key, "incident key"))
        .map(Results::incident)
        .orElseThrow(() -> EngineException.notFound("Incident with key " + key + " not found"));
  }

  @PostMapping("/{key}/resolution")
  ResponseEntity<Void> resolve(@PathVariable("key") String key,
      @RequestBody(required = false) JsonNode ignoredOperationReference) {
    engine.instances().resolveIncident(PathKeys.parse(key, "incident key"));
    return ResponseEntity.noContent().build();
  }
}
