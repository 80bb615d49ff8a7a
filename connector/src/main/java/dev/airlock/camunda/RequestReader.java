package dev.airlock.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.automation.InvalidTaskException;
import dev.airlock.automation.Step;
import dev.airlock.automation.TaskJson;
import dev.airlock.camunda.model.BrowserTaskRequest;
import dev.airlock.egress.InvalidOriginException;
import dev.airlock.egress.OriginAllowlist;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Checks a bound {@link BrowserTaskRequest} and converts its fields, failing with a {@link
 * ConnectorInputException} whose message starts with the field's name, such as {@code
 * steps[2].target}. It runs before anything is started, whether or not the runtime's validation
 * provider checked the Jakarta annotations already.
 */
final class RequestReader {

  static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofMinutes(2);
  static final Duration DEFAULT_APPROVAL_VALIDITY = Duration.ofMinutes(15);

  /** A request whose fields were checked and converted. */
  record ReadRequest(
      String identityId,
      String startUrl,
      List<String> allowedOrigins,
      List<Step> steps,
      Map<String, Document> inputFiles,
      Duration totalTimeout,
      Duration approvalValidity,
      boolean recordVideo,
      boolean recordTrace,
      Duration documentTimeToLive) {}

  private RequestReader() {}

  static ReadRequest read(BrowserTaskRequest request, Duration maxTotalTimeout) {
    String identityId = required(request.identityId(), "identityId", "the id of an agent identity from the operator's identity file");
    String startUrl = startUrl(request.startUrl());
    List<String> origins = allowedOrigins(request.allowedOrigins());
    List<Step> steps = steps(request.steps());
    Duration totalTimeout = duration(request.totalTimeout(), "totalTimeout", DEFAULT_TOTAL_TIMEOUT);
    if (totalTimeout.compareTo(maxTotalTimeout) > 0) {
      throw new ConnectorInputException(
          "totalTimeout: " + totalTimeout + " is longer than the runtime's maximum " + maxTotalTimeout
              + ", which keeps tasks shorter than the job timeout; shorten the task or ask the operator");
    }
    return new ReadRequest(
        identityId,
        startUrl,
        origins,
        steps,
        request.inputFiles() == null ? Map.of() : Map.copyOf(request.inputFiles()),
        totalTimeout,
        duration(request.approvalValidity(), "approvalValidity", DEFAULT_APPROVAL_VALIDITY),
        request.recordVideo() != null && request.recordVideo(),
        request.recordTrace() == null || request.recordTrace(),
        duration(request.documentTimeToLive(), "documentTimeToLive", null));
  }

  private static String startUrl(String value) {
    String url = required(value, "startUrl", "the absolute URL of the first page, such as http://127.0.0.1:8086/login");
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new URISyntaxException(url, "not an absolute http or https URL");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new ConnectorInputException(
          "startUrl: '" + url + "' is invalid (" + e.getReason() + "); give an absolute http:// or https:// URL", e);
    }
  }

  private static List<String> allowedOrigins(List<String> origins) {
    if (origins == null || origins.isEmpty()) {
      throw new ConnectorInputException(
          "allowedOrigins: missing; give a FEEL list of origins such as =[\"http://127.0.0.1:8086\"]");
    }
    for (int i = 0; i < origins.size(); i++) {
      required(origins.get(i), "allowedOrigins[" + i + "]", "an origin such as http://127.0.0.1:8086");
    }
    try {
      OriginAllowlist.parse(origins);
    } catch (InvalidOriginException e) {
      throw new ConnectorInputException("allowedOrigins[" + e.index() + "]: " + e.getMessage(), e);
    }
    return List.copyOf(origins);
  }

  private static List<Step> steps(JsonNode steps) {
    if (steps == null || steps.isNull() || (steps.isTextual() && steps.asText().isBlank())) {
      throw new ConnectorInputException("steps: missing; give a JSON array of steps");
    }
    if (!steps.isTextual() && !steps.isArray()) {
      throw new ConnectorInputException(
          "steps: a JSON " + steps.getNodeType().name().toLowerCase() + " is not a list of steps; give a JSON array");
    }
    String json = steps.isTextual() ? steps.asText() : steps.toString();
    try {
      return TaskJson.parseSteps(json);
    } catch (InvalidTaskException e) {
      throw new ConnectorInputException(stepsMessage(e.getMessage()), e);
    }
  }

  /** Makes the parser's message name the template field: {@code steps[2].target: ...} or {@code steps: ...}. */
  private static String stepsMessage(String message) {
    if (message.startsWith("steps")) {
      return message;
    }
    if (message.startsWith("task: ")) {
      return "steps: " + message.substring("task: ".length());
    }
    return "steps: " + message;
  }

  private static Duration duration(String value, String field, Duration defaultValue) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      Duration duration = Duration.parse(value.trim());
      if (duration.isNegative() || duration.isZero()) {
        throw new ConnectorInputException(field + ": " + value + " is not positive; give a duration such as PT2M");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new ConnectorInputException(
          field + ": '" + value + "' is not an ISO-8601 duration; write it like PT2M or PT30S", e);
    }
  }

  private static String required(String value, String field, String what) {
    if (value == null || value.isBlank()) {
      throw new ConnectorInputException(field + ": missing; give " + what);
    }
    return value.trim();
  }
}
