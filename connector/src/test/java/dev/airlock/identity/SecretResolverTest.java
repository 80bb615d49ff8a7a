package dev.airlock.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretResolverTest {

  private final SecretResolver resolver =
      new SecretResolver(Map.of("DEMO_PASSWORD", "s3cret")::get, Map.of("DEMO_USER", "demo")::get);

  @Test
  void secretAndEnvironmentReferencesResolve() {
    Map<String, String> resolved =
        resolver.resolve(identity(Map.of("password", "secrets.DEMO_PASSWORD", "username", "env.DEMO_USER")));

    assertThat(resolved).containsExactlyInAnyOrderEntriesOf(Map.of("password", "s3cret", "username", "demo"));
  }

  @Test
  void missingSecretNamesReferenceButNotValue() {
    assertThatThrownBy(() -> resolver.resolve(identity(Map.of("token", "secrets.MISSING"))))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("secrets.MISSING")
        .hasMessageContaining("is not set");
  }

  @Test
  void unknownReferenceKindIsRejected() {
    assertThatThrownBy(() -> resolver.resolve(identity(Map.of("password", "vault:demo"))))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("neither secrets.NAME nor env.NAME");
  }

  private static AgentIdentity identity(Map<String, String> credentials) {
    return new AgentIdentity(
        "clerk", "alice", List.of(), Set.of(), credentials, Instant.parse("2027-01-01T00:00:00Z"), false);
  }
}
