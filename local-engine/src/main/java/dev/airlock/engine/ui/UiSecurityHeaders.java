package dev.airlock.engine.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Adds response headers that keep the UI's pages to the engine's own origin. The UI builds every
 * element with DOM calls and inserts values as text. The content security policy is a second
 * line of defence: if markup from a variable ever reached the page as HTML, it could neither
 * run a script nor load anything from another host.
 */
final class UiSecurityHeaders implements HandlerInterceptor {

  /**
   * Policy that allows scripts, styles, images, frames and fetches from the engine's origin only.
   * Frames show HTML documents in a sandboxed iframe, and {@code frame-ancestors 'none'} stops
   * other sites from framing the task list.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self';"
      + " style-src 'self'; img-src 'self'; connect-src 'self'; frame-src 'self';"
      + " form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
      Object handler) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    return true;
  }
}
