package dev.airlock.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.egress.LoopbackServer;
import dev.airlock.evidence.Digests;
import dev.airlock.evidence.SigningKey;
import dev.airlock.policy.Approval;
import dev.airlock.policy.ApprovalSigner;
import dev.airlock.policy.ApprovalVerifier;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.sandbox.SandboxConfig;
import dev.airlock.sandbox.SandboxManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCheckpointTest {

    @TempDir
    Path folder;

    @Test
    void uploadWaitsForApprovalOfThatFile() throws IOException {
        Path receipt = Files.writeString(folder.resolve("receipt.txt"), "receipt 42");
        try (LoopbackServer site = LoopbackServer.start()) {
            site.serve("/upload.html", LoopbackServer.Response.html("""
                    <label for="receipt">Receipt</label><input id="receipt" type="file">
                    <p id="chosen"></p>
                    <script>
                      document.getElementById('receipt').addEventListener('change', event =>
                        document.getElementById('chosen').textContent = event.target.files[0].name);
                    </script>
                    """));
            SigningKey key = SigningKey.generate();
            TaskRunner runner = new TaskRunner(new SandboxManager(SandboxConfig.defaults().withWorkRoot(folder.resolve("sandboxes"))),
                    key, RiskPolicy.defaults(), new ApprovalVerifier(key.publicKey()));
            BrowserTask task = TaskJson.parse("""
                    {"startUrl": "%1$s/upload.html", "allowedOrigins": ["%1$s"], "identityId": "agent-1",
                     "inputFiles": {"receipt": "%2$s"},
                     "steps": [{"action": "upload", "target": {"label": "Receipt"}, "input": "receipt"},
                               {"action": "extract", "target": {"css": "#chosen"}, "output": "chosen"}]}
                    """.formatted(site.origin(), receipt));

            TaskOutcome first = runner.run(task, folder.resolve("first"));

            assertThat(first).isInstanceOf(TaskOutcome.CheckpointPending.class);
            PendingAction pending = ((TaskOutcome.CheckpointPending) first).action();
            assertThat(pending.description()).startsWith("Upload input file 'receipt' (sha256:" + Digests.sha256Hex(receipt) + ") into ");

            Approval approval = new ApprovalSigner(key).approve("1", pending.fingerprint(), "approver-1", Duration.ofMinutes(5));
            TaskOutcome second = runner.run(task.withApprovals(List.of(approval)), folder.resolve("second"));

            assertThat(second).isInstanceOf(TaskOutcome.Completed.class);
            assertThat(((TaskOutcome.Completed) second).extracted()).containsEntry("chosen", "receipt.txt");
        }
    }

    @Test
    void enterOnFocusedPayButtonStopsAtCheckpoint() {
        try (LoopbackServer site = LoopbackServer.start()) {
            site.serve("/pay.html", LoopbackServer.Response.html("<button onclick=\"document.title='paid'\">Pay</button><script>document.querySelector('button').focus()</script>"));
            SigningKey key = SigningKey.generate();
            TaskRunner runner = new TaskRunner(new SandboxManager(SandboxConfig.defaults().withWorkRoot(folder.resolve("sandboxes"))),
                    key, RiskPolicy.defaults(), new ApprovalVerifier(key.publicKey()));
            BrowserTask task = TaskJson.parse("""
                    {"startUrl": "%1$s/pay.html", "allowedOrigins": ["%1$s"], "identityId": "agent-1",
                     "steps": [{"action": "press", "key": "Enter"}]}
                    """.formatted(site.origin()));

            TaskOutcome outcome = runner.run(task, folder.resolve("press"));

            assertThat(outcome).isInstanceOf(TaskOutcome.CheckpointPending.class);
            assertThat(((TaskOutcome.CheckpointPending) outcome).action().description()).startsWith("Press Enter in button 'Pay' on ");
        }
    }
}
