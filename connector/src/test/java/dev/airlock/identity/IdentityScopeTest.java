package dev.airlock.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityScopeTest {

  private final AgentIdentity clerk =
      new AgentIdentity(
          "clerk",
          "alice",
          List.of("http://127.0.0.1:8086"),
          Set.of("goto", "click"),
          Map.of(),
          Instant.parse("2027-01-01T00:00:00Z"),
          false);

  @Test
  void requestInsideScopePasses() {
    assertThatCode(
            () ->
                IdentityScope.check(
                    clerk, "http://127.0.0.1:8086/login", List.of("http://127.0.0.1:8086/"), List.of("goto", "click")))
        .doesNotThrowAnyException();
  }

  @Test
  void startUrlOnOtherOriginIsRejected() {
    assertThatThrownBy(() -> IdentityScope.check(clerk, "http://127.0.0.2:8086/", List.of(), List.of()))
        .isInstanceOf(IdentityException.class)
        .hasMessageStartingWith("startUrl:");
  }

  @Test
  void extraAllowedOriginIsRejected() {
    assertThatThrownBy(
            () ->
                IdentityScope.check(
                    clerk,
                    "http://127.0.0.1:8086/",
                    List.of("http://127.0.0.1:8086", "http://127.0.0.1:9999"),
                    List.of()))
        .isInstanceOf(IdentityException.class)
        .hasMessageStartingWith("allowedOrigins[1]:");
  }

  @Test
  void actionOutsideScopeNamesTheStep() {
    assertThatThrownBy(
            () -> IdentityScope.check(clerk, "http://127.0.0.1:8086/", List.of(), List.of("goto", "upload")))
        .isInstanceOf(IdentityException.class)
        .hasMessageStartingWith("steps[1].action: action 'upload' is not allowed");
  }

  @Test
  void wildcardIdentityCoversSubdomains() {
    AgentIdentity portal =
        new AgentIdentity(
            "portal-bot", "alice", List.of("https://*.example.test"), Set.of("goto"), Map.of(),
            Instant.parse("2027-01-01T00:00:00Z"), false);

    assertThatCode(
            () ->
                IdentityScope.check(
                    portal,
                    "https://billing.example.test/start",
                    List.of("https://billing.example.test", "https://*.eu.example.test:443"),
                    List.of("goto")))
        .doesNotThrowAnyException();
  }

  @Test
  void requestWildcardNeedsIdentityWildcard() {
    assertThatThrownBy(
            () -> IdentityScope.check(clerk, "http://127.0.0.1:8086/", List.of("http://*.0.0.1:8086"), List.of()))
        .isInstanceOf(IdentityException.class)
        .hasMessageStartingWith("allowedOrigins[0]:");
  }

  @Test
  void malformedOriginIsOutsideScope() {
    assertThatThrownBy(() -> IdentityScope.check(clerk, "http://127.0.0.1:8086/", List.of("127.0.0.1:8086"), List.of()))
        .isInstanceOf(IdentityException.class)
        .hasMessageStartingWith("allowedOrigins[0]:");
  }
}
