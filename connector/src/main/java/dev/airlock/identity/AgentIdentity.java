package dev.airlock.identity;

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

  /**
   * Returns whether the identity may contact {@code originOrUrl}: a URL, an origin ({@code
   * scheme://host[:port]}) or a wildcard origin ({@code scheme://*.suffix[:port]}). A wildcard in
   * the identity covers every host under its suffix, and a wildcard in the request is covered only
   * by the same or a broader wildcard of the identity.
   */
  public boolean allowsOrigin(String originOrUrl) {
    OriginPattern requested = OriginPattern.parse(originOrUrl);
    return allowedOrigins.stream().map(OriginPattern::parse).anyMatch(allowed -> allowed.covers(requested));
  }

  public boolean allowsAction(String action) {
    return allowedActions.contains(action);
  }

  /**
   * Checks that {@code originOrUrl} is a URL or an origin and throws an {@link
   * IllegalArgumentException} saying how to write it otherwise.
   */
  public static void requireOrigin(String originOrUrl) {
    OriginPattern.parse(originOrUrl);
  }
}
