package dev.airlock.engine.engine;

import dev.airlock.engine.engine.JobCommands.ActivatedJob;
import dev.airlock.engine.store.Stores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Job activation with long polling: a request without jobs waits until jobs of its type appear
 * or its wait time ends. Activation runs as a command, so a job goes to one worker only. An
 * activated job whose deadline passed counts as timed out and can be activated again.
 */
final class JobActivation {

  private static final long RECHECK_MILLIS = 200;

  private final Stores stores;
  private final Variables variables;
  private final CommandRunner runner;
  private final JobSignal signal;

  JobActivation(Stores stores, Variables variables, CommandRunner runner, JobSignal signal) {
    this.stores = stores;
    this.variables = variables;
    this.runner = runner;
    this.signal = signal;
  }

  List<ActivatedJob> activate(String type, String worker, long timeoutMillis, int maxJobs,
      List<String> fetchVariables, long waitMillis) {
    var waitUntil = System.currentTimeMillis() + Math.max(0, waitMillis);
    while (true) {
      var generation = signal.generation();
      // A read without the command lock finds out cheaply whether activating can succeed.
      var available = !stores.jobs().activatable(type, ProcessExecutor.now(), 1).isEmpty();
      var jobs = available
          ? runner.run(() -> activateNow(type, worker, timeoutMillis, maxJobs, fetchVariables))
          : List.<ActivatedJob>of();
      var remaining = waitUntil - System.currentTimeMillis();
      if (!jobs.isEmpty() || remaining <= 0 || signal.isClosed()) {
        return jobs;
      }
      try {
        signal.await(generation, Math.min(remaining, RECHECK_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return jobs;
      }
    }
  }

  private List<ActivatedJob> activateNow(String type, String worker, long timeoutMillis,
      int maxJobs, List<String> fetchVariables) {
    var now = ProcessExecutor.now();
    var result = new ArrayList<ActivatedJob>();
    for (var job : stores.jobs().activatable(type, now, maxJobs)) {
      var activated = job.with("ACTIVATED", job.retries(), worker, now + timeoutMillis, null,
          null, job.errorMessage(), null);
      stores.jobs().update(activated);
      result.add(new ActivatedJob(activated,
          fetch(variables.visible(job.elementInstanceKey()), fetchVariables)));
    }
    return result;
  }

  private static Map<String, Object> fetch(Map<String, Object> visible, List<String> names) {
    if (names == null || names.isEmpty()) {
      return visible;
    }
    var result = new HashMap<String, Object>();
    for (var name : names) {
      if (visible.containsKey(name)) {
        result.put(name, visible.get(name));
      }
    }
    return result;
  }
}
