package dev.airlock.identity;

import java.util.List;

/** Checks that a browser task request stays inside its agent identity's scope. */
public final class IdentityScope {

  private IdentityScope() {}

  /**
   * Throws an {@link IdentityException} naming the first request field outside {@code identity}'s
   * scope: the start URL's origin, an allowed origin, or a step's action.
   *
   * @param stepActions the action name of each step, in step order
   */
  public static void check(
      AgentIdentity identity, String startUrl, List<String> allowedOrigins, List<String> stepActions) {
    if (!allows(identity, startUrl, "startUrl")) {
      // Only the origin is quoted: a URL's path or query may carry a replaced {{secrets.NAME}} value.
      throw outside("startUrl", "the origin " + OriginPattern.parse(startUrl).text(), identity);
    }
    for (int i = 0; i < allowedOrigins.size(); i++) {
      String field = "allowedOrigins[" + i + "]";
      if (!allows(identity, allowedOrigins.get(i), field)) {
        throw outside(field, "'" + allowedOrigins.get(i) + "'", identity);
      }
    }
    for (int i = 0; i < stepActions.size(); i++) {
      String action = stepActions.get(i);
      if (!identity.allowsAction(action)) {
        throw new IdentityException(
            "steps[" + i + "].action",
            "action '" + action + "' is not allowed for agent identity '" + identity.id()
                + "', which may run " + identity.allowedActions()
                + "; remove the step or ask an operator to extend the identity");
      }
    }
  }

  private static boolean allows(AgentIdentity identity, String originOrUrl, String field) {
    try {
      return identity.allowsOrigin(originOrUrl);
    } catch (IllegalArgumentException e) {
      throw new IdentityException(field, e.getMessage());
    }
  }

  private static IdentityException outside(String field, String subject, AgentIdentity identity) {
    return new IdentityException(
        field,
        subject + " is outside the origins of agent identity '" + identity.id() + "' "
            + identity.allowedOrigins() + "; use one of them or ask an operator to extend the identity");
  }
}
