package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.BpmnTransformer;
import dev.airlock.engine.bpmn.ProcessModel;
import dev.airlock.engine.store.DefinitionStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Deployed process models by process definition key, parsed once from their stored XML. */
public final class Models {

  private final DefinitionStore definitions;
  private final BpmnTransformer transformer;
  private final Map<Long, ProcessModel> cache = new ConcurrentHashMap<>();

  public Models(DefinitionStore definitions, BpmnTransformer transformer) {
    this.definitions = definitions;
    this.transformer = transformer;
  }

  public ProcessModel get(long processDefinitionKey) {
    return cache.computeIfAbsent(processDefinitionKey, this::load);
  }

  private ProcessModel load(long processDefinitionKey) {
    var row =
        definitions
            .process(processDefinitionKey)
            .orElseThrow(
                () ->
                    EngineException.notFound(
                        "Process definition with key " + processDefinitionKey + " not found"));
    var xml = row.bpmnXml().getBytes(StandardCharsets.UTF_8);
    return transformer.transform(row.resourceName(), xml).stream()
        .filter(model -> model.processId().equals(row.processDefinitionId()))
        .findFirst()
        .orElseThrow();
  }
}
