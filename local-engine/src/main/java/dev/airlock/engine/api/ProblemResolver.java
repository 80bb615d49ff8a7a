package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.engine.bpmn.DeploymentRejectedException;
import dev.airlock.engine.engine.EngineException;
import io.camunda.client.protocol.rest.ProblemDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Writes every error as {@code application/problem+json}, because camunda-client-java raises
 * a MalformedResponseException for any other error body. Engine rejections keep their status
 * (400, 404, 409). An unexpected failure is logged and returned as 500.
 */
final class ProblemResolver implements HandlerExceptionResolver, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemResolver.class);

  private final ObjectMapper mapper;

  ProblemResolver(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
      Object handler, Exception exception) {
    var problem = toProblem(exception);
    if (problem.getStatus() >= 500) {
      LOG.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), exception);
    } else {
      LOG.debug("Request {} {} rejected: {}", request.getMethod(), request.getRequestURI(),
          problem.getDetail());
    }
    problem.instance(URI.create(request.getRequestURI()));
    try {
      response.setStatus(problem.getStatus());
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      mapper.writeValue(response.getOutputStream(), problem);
    } catch (IOException e) {
      LOG.debug("Could not write the error response of {}", request.getRequestURI(), e);
    }
    return new ModelAndView();
  }

  private static ProblemDetail toProblem(Exception exception) {
    return switch (exception) {
      case EngineException e -> switch (e.reason()) {
        case INVALID_ARGUMENT -> problem(400, "INVALID_ARGUMENT", e.getMessage());
        case NOT_FOUND -> problem(404, "NOT_FOUND", e.getMessage());
        case INVALID_STATE -> problem(409, "INVALID_STATE", e.getMessage());
      };
      case DeploymentRejectedException e -> problem(400, "INVALID_ARGUMENT", e.getMessage());
      case HttpMessageNotReadableException e -> problem(400, "INVALID_ARGUMENT", unreadable(e));
      case MissingServletRequestPartException e -> problem(400, "INVALID_ARGUMENT",
          "The multipart request has no part '" + e.getRequestPartName() + "'; add it");
      case MissingServletRequestParameterException e -> problem(400, "INVALID_ARGUMENT",
          "The query parameter '" + e.getParameterName() + "' is missing; add it");
      case MethodArgumentTypeMismatchException e -> problem(400, "INVALID_ARGUMENT",
          "The value '" + e.getValue() + "' of '" + e.getName() + "' is not valid: expected "
              + (e.getRequiredType() == null ? "another type"
                  : e.getRequiredType().getSimpleName()));
      case MaxUploadSizeExceededException e -> problem(413, "PAYLOAD_TOO_LARGE",
          "The upload is larger than the engine accepts: " + e.getMessage());
      case MultipartException e -> problem(400, "INVALID_ARGUMENT",
          "The request is not a valid multipart request: " + e.getMessage());
      case NoHandlerFoundException e -> notFoundPath(e.getRequestURL());
      case NoResourceFoundException e -> notFoundPath("/" + e.getResourcePath());
      case HttpRequestMethodNotSupportedException e -> problem(405, "METHOD_NOT_ALLOWED",
          "Method " + e.getMethod() + " is not supported here; use "
              + String.join(", ", e.getSupportedMethods() == null ? new String[0]
                  : e.getSupportedMethods()));
      case HttpMediaTypeNotSupportedException e -> problem(415, "UNSUPPORTED_MEDIA_TYPE",
          "Content type " + e.getContentType() + " is not supported here; send "
              + e.getSupportedMediaTypes());
      default -> problem(500, "INTERNAL_ERROR",
          "The local engine failed unexpectedly: " + exception
              + "; see the engine log for details");
    };
  }

  private static String unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      var field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      var expectation = field.endsWith("variables") ? " (expected a JSON object)" : "";
      return "The request body has an invalid value at '" + field + "'" + expectation + ": "
          + mapping.getOriginalMessage();
    }
    return "The request body is missing or is not valid JSON: " + e.getMostSpecificCause()
        .getMessage();
  }

  private static ProblemDetail notFoundPath(String path) {
    return problem(404, "NOT_FOUND", "No endpoint " + path + " exists in the local engine; it"
        + " serves the part of the Camunda 8 REST API (/v2) listed in its documentation");
  }

  static ProblemDetail problem(int status, String title, String detail) {
    return new ProblemDetail().type(URI.create("about:blank")).status(status).title(title)
        .detail(detail);
  }
}
