package dev.airlock.engine.engine;

import dev.airlock.engine.store.Stores;

/** Resolves an incident by retrying the step that failed. */
final class IncidentResolution {

  private final Stores stores;
  private final Models models;
  private final ProcessExecutor executor;
  private final CommandRunner runner;

  IncidentResolution(Stores stores, Models models, ProcessExecutor executor,
      CommandRunner runner) {
    this.stores = stores;
    this.models = models;
    this.executor = executor;
    this.runner = runner;
  }

  void resolve(long incidentKey) {
    var incident = stores.incidents().find(incidentKey).orElseThrow(() ->
        EngineException.notFound("Incident with key " + incidentKey + " not found"));
    if (!"ACTIVE".equals(incident.state())) {
      throw EngineException.invalidState("Incident " + incidentKey + " is already resolved");
    }
    var row = stores.instances().elementInstance(incident.elementInstanceKey()).orElseThrow();
    var processInstance =
        stores.instances().processInstance(incident.processInstanceKey()).orElseThrow();
    var instance = new RunningInstance(processInstance,
        models.get(processInstance.processDefinitionKey()));
    var element = instance.model().element(row.elementId());

    switch (RetryStep.valueOf(incident.retryStep())) {
      case JOB -> {
        var job = stores.jobs().find(incident.jobKey()).orElseThrow();
        if (job.retries() <= 0) {
          throw EngineException.invalidState("Job " + job.jobKey() + " of incident "
              + incidentKey + " has no retries left; update its retries first, then resolve"
              + " the incident again");
        }
        stores.jobs().update(job.with("ACTIVATABLE", job.retries(), null, null, null, null,
            job.errorMessage(), null));
        markResolved(incidentKey, row.elementInstanceKey());
        runner.markJobsAvailable();
      }
      case ACTIVATE -> {
        markResolved(incidentKey, row.elementInstanceKey());
        executor.runActivation(instance, element, row);
      }
      case COMPLETE -> {
        markResolved(incidentKey, row.elementInstanceKey());
        executor.complete(instance, element, row, null);
      }
    }
  }

  private void markResolved(long incidentKey, long elementInstanceKey) {
    stores.incidents().resolve(incidentKey, ProcessExecutor.now());
    stores.instances().setIncident(elementInstanceKey, null);
  }
}
