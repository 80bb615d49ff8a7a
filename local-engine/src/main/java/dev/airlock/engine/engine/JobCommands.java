package dev.airlock.engine.engine;

import dev.airlock.engine.store.JobStore.JobRow;
import dev.airlock.engine.store.Stores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Commands of job workers: activate, complete, fail, throw a BPMN error, update. */
public final class JobCommands {

  private static final Logger LOG = LoggerFactory.getLogger(JobCommands.class);
  private static final Set<String> OPEN = Set.of("ACTIVATABLE", "ACTIVATED");

  /** A job handed to a worker, with the variables it asked for. */
  public record ActivatedJob(JobRow job, Map<String, Object> variables) {}

  private final Stores stores;
  private final Models models;
  private final ProcessExecutor executor;
  private final CommandRunner runner;
  private final JobActivation activation;

  JobCommands(Stores stores, Models models, ProcessExecutor executor, CommandRunner runner,
      JobSignal signal) {
    this.stores = stores;
    this.models = models;
    this.executor = executor;
    this.runner = runner;
    this.activation = new JobActivation(stores, executor.variables(), runner, signal);
  }

  /**
   * Activates up to {@code maxJobs} jobs of {@code type}, waiting up to {@code waitMillis} for
   * one to become available. {@code fetchVariables} null or empty means all variables.
   */
  public List<ActivatedJob> activate(String type, String worker, long timeoutMillis, int maxJobs,
      List<String> fetchVariables, long waitMillis) {
    return activation.activate(type, worker, timeoutMillis, maxJobs, fetchVariables, waitMillis);
  }

  public void complete(long jobKey, Map<String, Object> variables) {
    runner.run(() -> {
      var job = openJob(jobKey, "complete");
      stores.jobs().update(job.with("COMPLETED", job.retries(), job.worker(), job.deadline(),
          null, null, null, ProcessExecutor.now()));
      var instance = instanceOf(job);
      var row = stores.instances().elementInstance(job.elementInstanceKey()).orElseThrow();
      var element = instance.model().element(row.elementId());
      applyResultVariables(executor, instance, element, row.elementInstanceKey(), variables);
      executor.complete(instance, element, row, null);
      LOG.debug("Job {} completed in process instance {}", jobKey, job.processInstanceKey());
    });
  }

  public void fail(long jobKey, int retries, String errorMessage, long backoffMillis,
      Map<String, Object> variables) {
    runner.run(() -> {
      var job = openJob(jobKey, "fail");
      executor.variables().setLocal(job.elementInstanceKey(), job.processInstanceKey(),
          variables);
      if (retries > 0) {
        var backoffUntil = backoffMillis > 0 ? ProcessExecutor.now() + backoffMillis : null;
        stores.jobs().update(job.with("ACTIVATABLE", retries, null, null, backoffUntil, null,
            errorMessage, null));
        runner.markJobsAvailable();
        LOG.debug("Job {} failed with {} retries left", jobKey, retries);
        return;
      }
      stores.jobs().update(job.with("FAILED", 0, job.worker(), null, null, null, errorMessage,
          null));
      var row = stores.instances().elementInstance(job.elementInstanceKey()).orElseThrow();
      var message = errorMessage == null || errorMessage.isBlank()
          ? "No more retries left." : errorMessage;
      executor.raiseIncident(instanceOf(job), row, IncidentType.JOB_NO_RETRIES, message,
          RetryStep.JOB, jobKey);
    });
  }

  public void throwError(long jobKey, String errorCode, String errorMessage,
      Map<String, Object> variables) {
    if (errorCode == null || errorCode.isBlank()) {
      throw EngineException.invalidArgument("errorCode is missing; give the BPMN error code");
    }
    runner.run(() -> {
      var job = openJob(jobKey, "throw an error for");
      var thrown = job.with("ERROR_THROWN", job.retries(), job.worker(), null, null, errorCode,
          errorMessage, ProcessExecutor.now());
      stores.jobs().update(thrown);
      var row = stores.instances().elementInstance(job.elementInstanceKey()).orElseThrow();
      new ErrorPropagation(executor, stores).throwError(instanceOf(job), row, errorCode,
          errorMessage, variables, jobKey);
      // Terminating the task cancels its open jobs; the job's final state is that it threw.
      stores.jobs().update(thrown);
    });
  }

  /** Updates retries (at least 1) and/or the timeout of an activated job, in milliseconds. */
  public void update(long jobKey, Integer retries, Long timeoutMillis) {
    if (retries != null && retries < 1) {
      throw EngineException.invalidArgument("retries must be at least 1, but was " + retries);
    }
    if (timeoutMillis != null && timeoutMillis < 0) {
      throw EngineException.invalidArgument(
          "timeout must not be negative, but was " + timeoutMillis);
    }
    runner.run(() -> {
      var job = stores.jobs().find(jobKey).orElseThrow(() -> notFound(jobKey));
      if (Set.of("COMPLETED", "CANCELED").contains(job.state())) {
        throw EngineException.invalidState("Job " + jobKey + " is " + job.state().toLowerCase()
            + " and can no longer be updated");
      }
      var deadline = job.deadline();
      if (timeoutMillis != null) {
        if (!"ACTIVATED".equals(job.state())) {
          throw EngineException.invalidState("Job " + jobKey + " is not activated, so it has no"
              + " timeout to update");
        }
        deadline = ProcessExecutor.now() + timeoutMillis;
      }
      stores.jobs().update(job.with(job.state(), retries == null ? job.retries() : retries,
          job.worker(), deadline, job.backoffUntil(), job.errorCode(), job.errorMessage(),
          job.endTime()));
    });
  }

  /**
   * Sets a task's result variables: locally when the task has output mappings (they decide what
   * reaches the process), else merged into the process as Camunda 8 does.
   */
  static void applyResultVariables(ProcessExecutor executor, RunningInstance instance,
      dev.airlock.engine.bpmn.ElementDef element, long elementInstanceKey,
      Map<String, Object> variables) {
    if (element.outputs().isEmpty()) {
      executor.variables().merge(elementInstanceKey, instance.key(), variables);
    } else {
      executor.variables().setLocal(elementInstanceKey, instance.key(), variables);
    }
  }

  private JobRow openJob(long jobKey, String action) {
    var job = stores.jobs().find(jobKey).orElseThrow(() -> notFound(jobKey));
    if (!OPEN.contains(job.state())) {
      throw EngineException.invalidState("Expected to " + action + " job " + jobKey
          + ", but it is " + job.state().toLowerCase().replace('_', ' '));
    }
    return job;
  }

  private RunningInstance instanceOf(JobRow job) {
    var row = stores.instances().processInstance(job.processInstanceKey()).orElseThrow();
    return new RunningInstance(row, models.get(row.processDefinitionKey()));
  }

  private static EngineException notFound(long jobKey) {
    return EngineException.notFound("Job with key " + jobKey + " not found");
  }
}
