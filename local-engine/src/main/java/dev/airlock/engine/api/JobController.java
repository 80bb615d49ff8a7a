package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.engine.EngineException;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobSearchResult;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The job worker API: activation (long polling), completion, failure, error, update, search. */
@EngineApi
@ResponseBody
@RequestMapping("/v2/jobs")
final class JobController {

  /** Wait used when a request sets no requestTimeout, as Camunda 8's default long poll. */
  private static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
  private static final long DEFAULT_JOB_TIMEOUT_MILLIS = 300_000;

  private final Engine engine;
  private final Search search;

  JobController(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.search = new Search(mapper);
  }

  @PostMapping("/activation")
  JobActivationResult activate(@RequestBody JobActivationRequest request) {
    if (request.getType() == null || request.getType().isBlank()) {
      throw EngineException.invalidArgument("type is missing; give the job type to activate");
    }
    var maxJobs = Objects.requireNonNullElse(request.getMaxJobsToActivate(), 32);
    if (maxJobs < 1) {
      throw EngineException.invalidArgument(
          "maxJobsToActivate must be at least 1, but was " + maxJobs);
    }
    var timeout = Objects.requireNonNullElse(request.getTimeout(), DEFAULT_JOB_TIMEOUT_MILLIS);
    var jobs = engine.jobs().activate(request.getType(), request.getWorker(), timeout, maxJobs,
        request.getFetchVariable(), waitMillis(request.getRequestTimeout()));
    return new JobActivationResult().jobs(jobs.stream().map(Results::activatedJob).toList());
  }

  /**
   * Returns how long to wait for jobs: a little less than the client's request timeout, so the
   * response arrives before the client gives up. A negative request timeout means no waiting.
   */
  static long waitMillis(Long requestTimeout) {
    var timeout = requestTimeout == null || requestTimeout == 0
        ? DEFAULT_REQUEST_TIMEOUT_MILLIS : requestTimeout;
    if (timeout < 0) {
      return 0;
    }
    return Math.max(0, timeout - Math.max(500, timeout / 10));
  }

  @PostMapping("/{key}/completion")
  ResponseEntity<Void> complete(@PathVariable("key") String key,
      @RequestBody(required = false) JobCompletionRequest request) {
    var variables = request == null ? null : request.getVariables();
    engine.jobs().complete(jobKey(key), orEmpty(variables));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{key}/failure")
  ResponseEntity<Void> fail(@PathVariable("key") String key,
      @RequestBody(required = false) JobFailRequest request) {
    var body = request == null ? new JobFailRequest() : request;
    engine.jobs().fail(jobKey(key), Objects.requireNonNullElse(body.getRetries(), 0),
        body.getErrorMessage(), Objects.requireNonNullElse(body.getRetryBackOff(), 0L),
        orEmpty(body.getVariables()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{key}/error")
  ResponseEntity<Void> error(@PathVariable("key") String key, @RequestBody JobErrorRequest request) {
    engine.jobs().throwError(jobKey(key), request.getErrorCode(), request.getErrorMessage(),
        orEmpty(request.getVariables()));
    return ResponseEntity.noContent().build();
  }

  @PatchMapping("/{key}")
  ResponseEntity<Void> update(@PathVariable("key") String key, @RequestBody JobUpdateRequest request) {
    var changeset = request.getChangeset();
    if (changeset == null) {
      throw EngineException.invalidArgument("changeset is missing; give retries or timeout");
    }
    engine.jobs().update(jobKey(key), changeset.getRetries(), changeset.getTimeout());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/search")
  ObjectNode search(@RequestBody(required = false) JsonNode request) {
    var results = engine.stores().jobs().jobs(processInstanceFilter(request)).stream()
        .map(Results::job).toList();
    return search.run(request, results, JobSearchResult.class, "jobKey", Map.of());
  }

  static Long processInstanceFilter(JsonNode request) {
    var key = request == null ? null : request.path("filter").path("processInstanceKey");
    return key != null && key.isValueNode() && !key.isNull()
        ? PathKeys.parse(key.asText(), "processInstanceKey") : null;
  }

  private static long jobKey(String key) {
    return PathKeys.parse(key, "job key");
  }

  static Map<String, Object> orEmpty(Map<String, Object> variables) {
    return variables == null ? Map.of() : variables;
  }
}
