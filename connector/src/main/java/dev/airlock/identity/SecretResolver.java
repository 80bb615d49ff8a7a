package dev.airlock.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves an identity's credential references to secret values.
 *
 * <p>A reference is {@code secrets.NAME}, looked up in the connector runtime's secret store, or
 * {@code env.NAME}, read from the environment of the process. Resolved values are handed to the
 * sandbox only: they are never logged, and the map this returns must not be logged either.
 */
public final class SecretResolver {

  private final Function<String, String> secretStore;
  private final Function<String, String> environment;

  /**
   * @param secretStore looks up a secret by name and returns null when there is none
   * @param environment looks up an environment variable and returns null when it is not set
   */
  public SecretResolver(Function<String, String> secretStore, Function<String, String> environment) {
    this.secretStore = secretStore;
    this.environment = environment;
  }

  /** Resolver that reads {@code secrets.} references from {@code secretStore} and the real environment. */
  public static SecretResolver withSystemEnvironment(Function<String, String> secretStore) {
    return new SecretResolver(secretStore, System::getenv);
  }

  /** Returns credential name to secret value for every credential of {@code identity}. */
  public Map<String, String> resolve(AgentIdentity identity) {
    Map<String, String> resolved = new LinkedHashMap<>();
    identity.credentials().forEach((name, reference) -> resolved.put(name, resolveOne(identity, name, reference)));
    return resolved;
  }

  private String resolveOne(AgentIdentity identity, String name, String reference) {
    String value;
    if (reference.startsWith("secrets.")) {
      value = secretStore.apply(reference.substring("secrets.".length()));
    } else if (reference.startsWith("env.")) {
      value = environment.apply(reference.substring("env.".length()));
    } else {
      throw new IdentityException(
          "identityId",
          "credential '" + name + "' of agent identity '" + identity.id() + "' has the reference '"
              + reference + "', which is neither secrets.NAME nor env.NAME; fix it in the identity file");
    }
    if (value == null || value.isEmpty()) {
      throw new IdentityException(
          "identityId",
          "credential '" + name + "' of agent identity '" + identity.id() + "' refers to " + reference
              + ", which is not set; define that secret or environment variable for the connector runtime");
    }
    return value;
  }
}
