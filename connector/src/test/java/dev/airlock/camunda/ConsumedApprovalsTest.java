package dev.airlock.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.evidence.BundleInfo;
import dev.airlock.evidence.EvidenceRecorder;
import dev.airlock.evidence.SealedBundle;
import dev.airlock.evidence.SigningKey;
import dev.airlock.policy.Approval;
import dev.airlock.policy.ApprovalSigner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumedApprovalsTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final String USED = "aa".repeat(32);
  private static final String OTHER = "bb".repeat(32);

  @TempDir Path folder;

  private final ApprovalSigner signer = new ApprovalSigner(SigningKey.generate());

  @Test
  void acceptedApprovalIsNotOfferedAgain() {
    ConsumedApprovals consumed = new ConsumedApprovals(folder.resolve("used-approvals.txt"));
    Approval used = approve(USED);
    Approval other = approve(OTHER);

    consumed.recordUsed(bundleAccepting(USED), List.of(used, other));

    assertThat(consumed.unused(List.of(used, other))).containsExactly(other);
  }

  @Test
  void usedApprovalsSurviveRestart() {
    Approval used = approve(USED);
    new ConsumedApprovals(folder.resolve("used-approvals.txt")).recordUsed(bundleAccepting(USED), List.of(used));

    ConsumedApprovals afterRestart = new ConsumedApprovals(folder.resolve("used-approvals.txt"));

    assertThat(afterRestart.unused(List.of(used))).isEmpty();
  }

  @Test
  void newApprovalOfSameActionIsOffered() {
    ConsumedApprovals consumed = new ConsumedApprovals(folder.resolve("used-approvals.txt"));
    consumed.recordUsed(bundleAccepting(USED), List.of(approve(USED)));
    Approval later = signer.sign("100", USED, Approval.APPROVED, "bob", NOW.plusSeconds(600), Duration.ofMinutes(15));

    assertThat(consumed.unused(List.of(later))).containsExactly(later);
  }

  @Test
  void journalledUseConsumesApproval() {
    ConsumedApprovals consumed = new ConsumedApprovals(folder.resolve("used-approvals.txt"));
    Approval before = approve(USED);
    Approval after = signer.sign("100", USED, Approval.APPROVED, "bob", Instant.now().plusSeconds(600), Duration.ofMinutes(15));
    recordRun(folder.resolve("task-100-7-run"), USED);

    List<Approval> offered = consumed.unused(List.of(before, after), folder, 100);

    assertThat(offered).as("approvals offered after a run that crashed before recording its use").containsExactly(after);
  }

  @Test
  void runsOfOtherInstancesDoNotConsumeApprovals() {
    ConsumedApprovals consumed = new ConsumedApprovals(folder.resolve("used-approvals.txt"));
    Approval approval = approve(USED);
    recordRun(folder.resolve("task-200-7-run"), USED);

    assertThat(consumed.unused(List.of(approval), folder, 100)).containsExactly(approval);
  }

  /** Writes a run's journal that accepted {@code fingerprint} and is left unsealed, as after a crash. */
  private void recordRun(Path bundleDirectory, String fingerprint) {
    EvidenceRecorder recorder =
        EvidenceRecorder.open(bundleDirectory, new BundleInfo("run", "invoice-clerk", "test", Instant.now()), SigningKey.generate());
    recorder.append("approval-check", Map.of("step", 7, "fingerprint", fingerprint, "accepted", true));
  }

  private Approval approve(String fingerprint) {
    return signer.sign("100", fingerprint, Approval.APPROVED, "bob", NOW, Duration.ofMinutes(15));
  }

  private SealedBundle bundleAccepting(String fingerprint) {
    try (EvidenceRecorder recorder =
        EvidenceRecorder.open(
            folder.resolve("bundle"), new BundleInfo("bundle", "invoice-clerk", "test", NOW), SigningKey.generate())) {
      recorder.append("approval-check", Map.of("step", 7, "fingerprint", fingerprint, "accepted", true));
      recorder.append("approval-check", Map.of("step", 8, "fingerprint", OTHER, "accepted", false));
      return recorder.seal(Map.of());
    }
  }
}
