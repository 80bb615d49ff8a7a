package dev.airlock.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The evidence journals of earlier runs of one process instance, read from the connector's
 * evidence folder, where each run's bundle folder is named {@code task-<process instance>-...}.
 */
final class InstanceJournals {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One run's journal and the time of its first entry. */
  record Run(Path journal, Instant startedAt) {}

  private InstanceJournals() {}

  /** Lists the runs of {@code processInstanceKey} that left a journal, sealed or not. */
  static List<Run> runs(Path evidenceDirectory, long processInstanceKey) {
    if (!Files.isDirectory(evidenceDirectory)) {
      return List.of();
    }
    String prefix = "task-" + processInstanceKey + "-";
    List<Run> runs = new ArrayList<>();
    try (Stream<Path> folders = Files.list(evidenceDirectory)) {
      for (Path folder : folders.filter(path -> path.getFileName().toString().startsWith(prefix)).toList()) {
        Path journal = folder.resolve("journal.jsonl");
        Instant started = Files.isRegularFile(journal) ? firstEntryTime(journal) : null;
        if (started != null) {
          runs.add(new Run(journal, started));
        }
      }
    } catch (IOException e) {
      throw unreadable(evidenceDirectory, e);
    }
    return runs;
  }

  /** Returns the {@code data.fingerprint} of every entry of {@code type} in {@code journal}. */
  static Set<String> fingerprints(Path journal, String type, boolean acceptedOnly) {
    Set<String> fingerprints = new HashSet<>();
    try (Stream<String> lines = Files.lines(journal, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        JsonNode entry = JSON.readTree(line);
        JsonNode data = entry.path("data");
        if (type.equals(entry.path("type").asText()) && (!acceptedOnly || data.path("accepted").asBoolean(false))) {
          fingerprints.add(data.path("fingerprint").asText());
        }
      }
      return fingerprints;
    } catch (IOException e) {
      throw unreadable(journal, e);
    }
  }

  /**
   * Returns the fingerprints of the actions that a run of the instance stopped at for an approval
   * and that no later run has performed with an approval yet. Each checkpoint so admits one
   * approved action: after that, the action needs a new checkpoint and a new decision.
   */
  static Set<String> openCheckpoints(Path evidenceDirectory, long processInstanceKey) {
    Map<String, Instant> lastIssued = new HashMap<>();
    Map<String, Instant> lastUsed = new HashMap<>();
    for (Run run : runs(evidenceDirectory, processInstanceKey)) {
      for (String fingerprint : fingerprints(run.journal(), "checkpoint-pending", false)) {
        lastIssued.merge(fingerprint, run.startedAt(), InstanceJournals::later);
      }
      for (String fingerprint : fingerprints(run.journal(), "approval-check", true)) {
        lastUsed.merge(fingerprint, run.startedAt(), InstanceJournals::later);
      }
    }
    Set<String> open = new HashSet<>();
    lastIssued.forEach(
        (fingerprint, issued) -> {
          Instant used = lastUsed.get(fingerprint);
          if (used == null || used.isBefore(issued)) {
            open.add(fingerprint);
          }
        });
    return open;
  }

  private static Instant later(Instant first, Instant second) {
    return first.isAfter(second) ? first : second;
  }

  private static Instant firstEntryTime(Path journal) throws IOException {
    try (Stream<String> lines = Files.lines(journal, StandardCharsets.UTF_8)) {
      String first = lines.findFirst().orElse(null);
      if (first == null) {
        return null;
      }
      JsonNode time = JSON.readTree(first).path("time");
      return time.isTextual() ? Instant.parse(time.asText()) : null;
    }
  }

  private static ConnectorRetryException unreadable(Path path, IOException cause) {
    return ConnectorRetryException.builder()
        .message("Failed to read " + path + " to find earlier approvals and checkpoints; check that the evidence folder is readable")
        .cause(cause)
        .build();
  }
}
