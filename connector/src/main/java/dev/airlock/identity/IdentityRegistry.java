package dev.airlock.identity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent identities read from a JSON file of the form {@code {"identities": [ {...}, ... ]}}.
 *
 * <p>The file is read again whenever its modification time or size changes, so an operator revokes
 * an identity by setting {@code "revoked": true} in the file, and the next {@link #require} call
 * rejects it. A file that became unreadable or invalid keeps failing every lookup until it is fixed:
 * the registry never falls back to identities it read earlier.
 */
public final class IdentityRegistry {

  private static final Logger log = LoggerFactory.getLogger(IdentityRegistry.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private Snapshot snapshot;

  private IdentityRegistry(Path file) {
    this.file = file;
  }

  /** Reads the identities in {@code file} and fails when the file is missing or invalid. */
  public static IdentityRegistry load(Path file) {
    IdentityRegistry registry = new IdentityRegistry(file.toAbsolutePath());
    registry.current();
    return registry;
  }

  public Path file() {
    return file;
  }

  /**
   * Returns the identity {@code id} when it exists, is not revoked and has not expired at {@code
   * now}. Otherwise it throws an {@link IdentityException} on the field {@code identityId}.
   */
  public AgentIdentity require(String id, Instant now) {
    Map<String, AgentIdentity> identities = current();
    AgentIdentity identity = identities.get(id);
    if (identity == null) {
      throw new IdentityException(
          "identityId",
          "agent identity '" + id + "' is not in " + file + "; use one of " + identities.keySet()
              + " or ask an operator to add it");
    }
    identity
        .invalidityAt(now)
        .ifPresent(
            problem -> {
              throw new IdentityException(
                  "identityId", problem + "; ask an operator to renew it in " + file);
            });
    return identity;
  }

  private synchronized Map<String, AgentIdentity> current() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      if (snapshot == null || !snapshot.modified().equals(modified) || snapshot.size() != size) {
        snapshot = new Snapshot(modified, size, read());
        log.info("Loaded {} agent identities from {}", snapshot.identities().size(), file);
      }
      return snapshot.identities();
    } catch (IOException e) {
      snapshot = null;
      throw new UncheckedIOException(
          "Failed to read the agent identity file " + file + "; check that it exists and is JSON", e);
    }
  }

  private Map<String, AgentIdentity> read() throws IOException {
    IdentityFile parsed = JSON.readValue(file.toFile(), IdentityFile.class);
    Map<String, AgentIdentity> byId = new LinkedHashMap<>();
    List<AgentIdentity> identities = parsed.identities() == null ? List.of() : parsed.identities();
    for (int i = 0; i < identities.size(); i++) {
      AgentIdentity identity = identities.get(i);
      String where = file + " identities[" + i + "]";
      requireText(identity.id(), where + ".id");
      requireText(identity.owner(), where + ".owner");
      if (identity.expiresAt() == null) {
        throw new IOException(where + ".expiresAt is missing; give an ISO-8601 instant such as 2027-01-31T00:00:00Z");
      }
      for (String origin : identity.allowedOrigins()) {
        try {
          AgentIdentity.requireOrigin(origin);
        } catch (IllegalArgumentException e) {
          throw new IOException(where + ".allowedOrigins: " + e.getMessage(), e);
        }
      }
      if (byId.putIfAbsent(identity.id(), identity) != null) {
        throw new IOException(where + ".id: '" + identity.id() + "' appears twice; ids must be unique");
      }
    }
    return Map.copyOf(byId);
  }

  private static void requireText(String value, String where) throws IOException {
    if (value == null || value.isBlank()) {
      throw new IOException(where + " is missing; every identity needs it");
    }
  }

  private record IdentityFile(List<AgentIdentity> identities) {}

  private record Snapshot(FileTime modified, long size, Map<String, AgentIdentity> identities) {}
}
