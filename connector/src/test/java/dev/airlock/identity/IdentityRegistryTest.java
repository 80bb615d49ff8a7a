package dev.airlock.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityRegistryTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  @TempDir Path folder;

  @Test
  void knownIdentityIsReturned() throws IOException {
    IdentityRegistry registry = IdentityRegistry.load(write(identity("clerk", false, "2027-01-01T00:00:00Z")));

    AgentIdentity identity = registry.require("clerk", NOW);

    assertThat(identity.owner()).isEqualTo("alice");
    assertThat(identity.allowsOrigin("http://127.0.0.1:8086/login")).isTrue();
    assertThat(identity.allowsAction("click")).isTrue();
    assertThat(identity.credentials()).containsEntry("password", "secrets.DEMO_PASSWORD");
  }

  @Test
  void demoIdentityFileLoads() {
    Path demoFile = Path.of("").toAbsolutePath().getParent().resolve("examples/processes/identities.json");

    AgentIdentity clerk = IdentityRegistry.load(demoFile).require("invoice-clerk", NOW);

    assertThat(clerk.allowsOrigin("http://127.0.0.1:8086/login")).isTrue();
    assertThat(clerk.credentials()).containsOnlyKeys("username", "password");
  }

  @Test
  void unknownIdentityNamesTheField() throws IOException {
    IdentityRegistry registry = IdentityRegistry.load(write(identity("clerk", false, "2027-01-01T00:00:00Z")));

    assertThatThrownBy(() -> registry.require("robot", NOW))
        .isInstanceOf(IdentityException.class)
        .hasMessageStartingWith("identityId: agent identity 'robot' is not in")
        .hasMessageContaining("[clerk]");
  }

  @Test
  void expiredIdentityIsRejected() throws IOException {
    IdentityRegistry registry = IdentityRegistry.load(write(identity("clerk", false, "2026-12-04T11:59:59Z")));

    assertThatThrownBy(() -> registry.require("clerk", NOW))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("expired at 2026-12-04T11:59:59Z");
  }

  @Test
  void revokedInFileRejectedAtNextLookup() throws IOException {
    Path file = write(identity("clerk", false, "2027-01-01T00:00:00Z"));
    IdentityRegistry registry = IdentityRegistry.load(file);
    assertThat(registry.require("clerk", NOW).revoked()).isFalse();

    Files.writeString(file, identity("clerk", true, "2027-01-01T00:00:00Z"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

    assertThatThrownBy(() -> registry.require("clerk", NOW))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("is revoked");
  }

  @Test
  void fileWithoutExpiryIsRejected() throws IOException {
    Path file = folder.resolve("identities.json");
    Files.writeString(file, "{\"identities\":[{\"id\":\"clerk\",\"owner\":\"alice\"}]}");

    assertThatThrownBy(() -> IdentityRegistry.load(file))
        .isInstanceOf(UncheckedIOException.class)
        .cause()
        .hasMessageContaining("identities[0].expiresAt is missing");
  }

  @Test
  void originWithoutSchemeIsRejected() throws IOException {
    Path file = folder.resolve("identities.json");
    Files.writeString(
        file,
        "{\"identities\":[{\"id\":\"clerk\",\"owner\":\"alice\",\"expiresAt\":\"2027-01-01T00:00:00Z\","
            + "\"allowedOrigins\":[\"example.test\"]}]}");

    assertThatThrownBy(() -> IdentityRegistry.load(file))
        .isInstanceOf(UncheckedIOException.class)
        .cause()
        .hasMessageContaining("identities[0].allowedOrigins: 'example.test' is not an origin");
  }

  private Path write(String json) throws IOException {
    Path file = folder.resolve("identities.json");
    Files.writeString(file, json);
    return file;
  }

  static String identity(String id, boolean revoked, String expiresAt) {
    return """
        {"identities": [{
          "id": "%s",
          "owner": "alice",
          "allowedOrigins": ["http://127.0.0.1:8086"],
          "allowedActions": ["goto", "click", "fill", "extract"],
          "credentials": {"password": "secrets.DEMO_PASSWORD", "username": "env.DEMO_USER"},
          "expiresAt": "%s",
          "revoked": %s
        }]}
        """
        .formatted(id, expiresAt, revoked);
  }
}
