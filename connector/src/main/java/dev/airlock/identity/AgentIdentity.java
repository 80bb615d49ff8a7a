package dev.airlock.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named agent identity: the authority a browser task runs with.
 *
 * @param id identity id that process designers put in the element template
 * @param owner user id of the person or team accountable for the identity; never allowed to
 *     approve the identity's own checkpoints
 * @param allowedOrigins origins ({@code scheme://host[:port]}) the identity may contact
 * @param allowedActions step actions the identity may run ({@code goto}, {@code click}, ...)
 * @param credentials credential name to secret reference ({@code secrets.NAME} or {@code env.NAME})
 * @param expiresAt instant after which the identity is no longer valid
 * @param revoked whether an operator has revoked the identity
 */
public record AgentIdentity(
    String id,
    String owner,
    List<String> allowedOrigins,
    Set<String> allowedActions,
    Map<String, String> credentials,
    Instant expiresAt,
    boolean revoked) {

  public AgentIdentity {
    allowedOrigins = List.copyOf(allowedOrigins == null ? List.of() : allowedOrigins);
    allowedActions = Set.copyOf(allowedActions == null ? Set.of() : allowedActions);
    credentials = Map.copyOf(credentials == null ? Map.of() : credentials);
  }

  /** Returns why the identity cannot act at {@code now}, or empty when it can. */
  public Optional<String> invalidityAt(Instant now) {
    if (revoked) {
      return Optional.of("agent identity '" + id + "' is revoked");
    }
    if (!now.isBefore(expiresAt)) {
      return Optional.of("agent identity '" + id + "' expired at " + expiresAt);
    }
    return Optional.empty();
  }

  /** Whether {@code origin} ({@code scheme://host[:port]}) is one of the identity's origins. */
  public boolean allowsOrigin(String origin) {
    String normalized = normalizeOrigin(origin);
    return allowedOrigins.stream().anyMatch(allowed -> normalizeOrigin(allowed).equals(normalized));
  }

  public boolean allowsAction(String action) {
    return allowedActions.contains(action);
  }

  /**
   * Normalizes an origin or URL to {@code scheme://host:port} in lower case, with the scheme's
   * default port filled in, so that {@code http://Example.test} and {@code http://example.test:80}
   * compare equal.
   */
  public static String normalizeOrigin(String originOrUrl) {
    URI uri = URI.create(originOrUrl.trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + originOrUrl + "' is not an origin; write it as scheme://host[:port]");
    }
    String scheme = uri.getScheme().toLowerCase();
    int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
    return scheme + "://" + uri.getHost().toLowerCase() + ":" + port;
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      default -> -1;
    };
  }
}
