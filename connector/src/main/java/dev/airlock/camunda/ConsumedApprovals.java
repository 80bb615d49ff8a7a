package dev.airlock.camunda;

import dev.airlock.evidence.SealedBundle;
import dev.airlock.policy.Approval;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approvals that a run already used, kept in a file so that an approval allows its action once.
 *
 * <p>The engine still records the approval user task after the approved action ran, so without
 * this file a retried job, for example after a failed evidence upload, would find the same
 * approval and run the action again. After each run the connector reads the bundle's journal and
 * adds every approval whose fingerprint the task runner accepted.
 *
 * <p>NOTE: the file is local to the machine that runs the connector. Runtimes on several machines
 * that share jobs need a shared folder for it.
 */
final class ConsumedApprovals {

  private static final Logger log = LoggerFactory.getLogger(ConsumedApprovals.class);

  private final Path file;

  ConsumedApprovals(Path file) {
    this.file = file;
  }

  /** Returns {@code approvals} without those a run already used. */
  synchronized List<Approval> unused(List<Approval> approvals) {
    Set<String> consumed = read();
    return approvals.stream().filter(approval -> !consumed.contains(key(approval))).toList();
  }

  /**
   * Returns {@code approvals} without those a run already used, looking also at the journals of
   * earlier runs of the same process instance in {@code evidenceDirectory}. An approval counts as
   * used when a run that started after its decision accepted its fingerprint. This covers a run
   * that ended in an unexpected exception or a crash before its use was written to the file,
   * because the runner journals an accepted approval before the approved step runs.
   */
  synchronized List<Approval> unused(List<Approval> approvals, Path evidenceDirectory, long processInstanceKey) {
    List<JournalUse> uses = journalledUses(evidenceDirectory, processInstanceKey);
    return unused(approvals).stream()
        .filter(approval -> uses.stream().noneMatch(use -> use.consumes(approval)))
        .toList();
  }

  /** An approval fingerprint that a run accepted, with the run's start. */
  private record JournalUse(String fingerprint, Instant runStartedAt) {
    boolean consumes(Approval approval) {
      return fingerprint.equals(approval.fingerprint())
          && (approval.decidedAt() == null || runStartedAt.isAfter(approval.decidedAt()));
    }
  }

  private static List<JournalUse> journalledUses(Path evidenceDirectory, long processInstanceKey) {
    List<JournalUse> uses = new ArrayList<>();
    for (InstanceJournals.Run run : InstanceJournals.runs(evidenceDirectory, processInstanceKey)) {
      InstanceJournals.fingerprints(run.journal(), "approval-check", true)
          .forEach(fingerprint -> uses.add(new JournalUse(fingerprint, run.startedAt())));
    }
    return uses;
  }

  /**
   * Records the approvals among {@code offered} whose fingerprint the run of {@code bundle}
   * accepted, as journalled in its {@code approval-check} entries.
   */
  synchronized void recordUsed(SealedBundle bundle, List<Approval> offered) {
    recordUsed(bundle.directory(), bundle.bundleId(), offered);
  }

  /** Records the used approvals from the journal in {@code bundleDirectory}, if it has one. */
  synchronized void recordUsed(Path bundleDirectory, String bundleId, List<Approval> offered) {
    Path journal = bundleDirectory.resolve("journal.jsonl");
    if (!Files.isRegularFile(journal)) {
      return;
    }
    Set<String> accepted = InstanceJournals.fingerprints(journal, "approval-check", true);
    StringBuilder lines = new StringBuilder();
    for (Approval approval : offered) {
      if (Approval.APPROVED.equals(approval.decision()) && accepted.contains(approval.fingerprint())) {
        lines.append(key(approval)).append('\n');
        log.info(
            "Approval of action {} in process instance {} by {} was used by bundle {}",
            approval.fingerprint(), approval.processInstanceKey(), approval.approver(), bundleId);
      }
    }
    if (!lines.isEmpty()) {
      append(lines.toString());
    }
  }

  private static String key(Approval approval) {
    return String.join(
        " ", approval.processInstanceKey(), approval.fingerprint(), approval.approver(), String.valueOf(approval.decidedAt()));
  }

  private Set<String> read() {
    if (!Files.exists(file)) {
      return Set.of();
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return new HashSet<>(lines.filter(line -> !line.isBlank()).toList());
    } catch (IOException e) {
      throw failed("read", e);
    }
  }

  private void append(String lines) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        channel.write(StandardCharsets.UTF_8.encode(lines));
        channel.force(true);
      }
    } catch (IOException e) {
      throw failed("write", e);
    }
  }

  private ConnectorRetryException failed(String operation, IOException cause) {
    return ConnectorRetryException.builder()
        .message(
            "Failed to " + operation + " the used-approval file " + file
                + "; check that the evidence folder is writable, because without it an approval could be used twice")
        .cause(cause)
        .build();
  }
}
