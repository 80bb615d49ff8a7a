package dev.airlock.engine.engine;

import dev.airlock.engine.store.DefinitionStore.ProcessDefinitionRow;
import dev.airlock.engine.store.InstanceStore.ProcessInstanceRow;
import dev.airlock.engine.store.Stores;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Commands on process instances, element instances and incidents. */
public final class InstanceCommands {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceCommands.class);

  private final Stores stores;
  private final Models models;
  private final ProcessExecutor executor;
  private final CommandRunner runner;

  InstanceCommands(Stores stores, Models models, ProcessExecutor executor, CommandRunner runner) {
    this.stores = stores;
    this.models = models;
    this.executor = executor;
    this.runner = runner;
  }

  /**
   * Creates and starts an instance of the definition with {@code definitionKey}, or else of the
   * given version (latest when null) of the process with {@code processId}.
   */
  public ProcessInstanceRow create(Long definitionKey, String processId, Integer version,
      Map<String, Object> variables) {
    return runner.run(() -> {
      var definition = definition(definitionKey, processId, version);
      var model = models.get(definition.processDefinitionKey());
      var row = new ProcessInstanceRow(stores.keys().next(), definition.processDefinitionKey(),
          definition.processDefinitionId(), definition.version(), "ACTIVE",
          ProcessExecutor.now(), null);
      stores.instances().insertProcessInstance(row);
      executor.start(new RunningInstance(row, model), variables);
      LOG.debug("Created process instance {} of '{}'", row.processInstanceKey(), processId);
      return row;
    });
  }

  private ProcessDefinitionRow definition(Long key, String processId, Integer version) {
    if (key != null) {
      return stores.definitions().process(key).orElseThrow(() -> EngineException.notFound(
          "Process definition with key " + key + " not found; deploy the process first"));
    }
    if (processId == null || processId.isBlank()) {
      throw EngineException.invalidArgument(
          "Neither processDefinitionKey nor processDefinitionId is given; set one of them");
    }
    var found = version == null || version < 0
        ? stores.definitions().latestProcess(processId)
        : stores.definitions().process(processId, version);
    return found.orElseThrow(() -> EngineException.notFound(
        "No process with id '" + processId + "'"
            + (version == null || version < 0 ? "" : " and version " + version)
            + " is deployed; check the id or deploy the process first"));
  }

  public void cancel(long processInstanceKey) {
    runner.run(() -> {
      var instance = activeInstance(processInstanceKey);
      var root = stores.instances().elementInstance(processInstanceKey).orElseThrow();
      executor.terminate(root);
      stores.instances().endProcessInstance(instance.processInstanceKey(), "TERMINATED",
          ProcessExecutor.now());
      LOG.info("Canceled process instance {}", processInstanceKey);
    });
  }

  /** Sets variables on an active element instance: locally, or merged up its scopes. */
  public void setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {
    runner.run(() -> {
      var row = stores.instances().elementInstance(elementInstanceKey).orElseThrow(() ->
          EngineException.notFound("Element instance with key " + elementInstanceKey
              + " not found"));
      if (!"ACTIVE".equals(row.state())) {
        throw EngineException.invalidState("Element instance " + elementInstanceKey + " is "
            + row.state() + "; variables can only be set on an active element instance");
      }
      if (local) {
        executor.variables().setLocal(elementInstanceKey, row.processInstanceKey(), variables);
      } else {
        executor.variables().merge(elementInstanceKey, row.processInstanceKey(), variables);
      }
    });
  }

  public void resolveIncident(long incidentKey) {
    runner.run(() -> new IncidentResolution(stores, models, executor, runner)
        .resolve(incidentKey));
  }

  private ProcessInstanceRow activeInstance(long key) {
    var instance = stores.instances().processInstance(key).orElseThrow(() ->
        EngineException.notFound("Process instance with key " + key + " not found"));
    if (!"ACTIVE".equals(instance.state())) {
      throw EngineException.invalidState(
          "Process instance " + key + " is already " + instance.state().toLowerCase());
    }
    return instance;
  }
}
