package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects requests that change state when a browser sends them from another origin. The engine
 * has no authentication, so without this a web page open in any browser on the machine could
 * upload documents or complete tasks through the API. Clients that send no Origin header, such as
 * camunda-client-java, and the engine's own task list pass.
 */
final class SameOriginFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    if (origin == null || SAFE_METHODS.contains(request.getMethod()) || origin.equals(ownOrigin(request))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json");
    response.getOutputStream().write(problem(origin).getBytes(StandardCharsets.UTF_8));
  }

  private static String ownOrigin(HttpServletRequest request) {
    return request.getScheme() + "://" + request.getHeader("Host");
  }

  private static String problem(String origin) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "FORBIDDEN");
    problem.put("status", HttpServletResponse.SC_FORBIDDEN);
    problem.put("detail", "Requests from the origin " + origin + " may not change the local engine's state;"
        + " use the engine's own task list, or a client that sends no Origin header");
    return JSON.writeValueAsString(problem);
  }
}
