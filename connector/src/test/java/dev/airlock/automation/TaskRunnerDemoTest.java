package dev.airlock.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.airlock.evidence.BundleVerifier;
import dev.airlock.evidence.Digests;
import dev.airlock.evidence.SigningKey;
import dev.airlock.evidence.VerificationResult;
import dev.airlock.examples.demoapp.DemoApp;
import dev.airlock.policy.Approval;
import dev.airlock.policy.ApprovalSigner;
import dev.airlock.policy.ApprovalVerifier;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.sandbox.SandboxConfig;
import dev.airlock.sandbox.SandboxManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs tasks against the demo invoice app in real sandboxes: headed Chromium under Xvfb. */
class TaskRunnerDemoTest {

    private static final String PASSWORD = "demo-password";

    @TempDir
    static Path workRoot;
    @TempDir
    Path bundles;

    static DemoApp app;
    static String base;
    static SandboxManager sandboxes;
    static SigningKey key;
    static TaskRunner runner;

    @BeforeAll
    static void startDemoAppAndRunner() {
        app = DemoApp.start();
        base = app.baseUrl().toString().replaceAll("/$", "");
        sandboxes = new SandboxManager(SandboxConfig.defaults().withWorkRoot(workRoot));
        key = SigningKey.generate();
        runner = new TaskRunner(sandboxes, key, RiskPolicy.defaults(), new ApprovalVerifier(key.publicKey()));
    }

    @AfterAll
    static void stopDemoApp() {
        app.close();
    }

    private static BrowserTask task(String invoice, String... extraSteps) {
        String steps = String.join(",\n", Stream.concat(Stream.of(
                "{\"action\": \"fill\", \"target\": {\"label\": \"Username\"}, \"value\": \"demo\"}",
                "{\"action\": \"fill\", \"target\": {\"label\": \"Password\"}, \"value\": {\"secret\": \"password\"}}",
                "{\"action\": \"click\", \"target\": {\"role\": \"button\", \"name\": \"Log in\"}}",
                "{\"action\": \"waitFor\", \"url\": \"**/invoices\"}",
                "{\"action\": \"click\", \"target\": {\"role\": \"link\", \"name\": \"" + invoice + "\", \"exact\": true}}",
                "{\"action\": \"extract\", \"target\": {\"testId\": \"invoice-total\"}, \"output\": \"total\"}"),
                Stream.of(extraSteps)).toList());
        return TaskJson.parse("""
                {"taskId": "demo-%s", "startUrl": "%s/login", "allowedOrigins": ["%s"],
                 "credentials": {"password": "%s"}, "identityId": "agent-1", "identityOwner": "owner-1",
                 "totalTimeout": "PT2M", "steps": [%s]}
                """.formatted(invoice, base, base, PASSWORD, steps));
    }

    private static final String DOWNLOAD_PDF =
            "{\"action\": \"download\", \"target\": {\"role\": \"link\", \"name\": \"Download PDF\"}, \"output\": \"invoicePdf\"}";
    private static final String CLICK_PAY = "{\"action\": \"click\", \"target\": {\"role\": \"button\", \"name\": \"Pay\"}}";

    @Test
    void loginExtractAndDownloadGiveAVerifiableBundle() throws IOException {
        TaskOutcome outcome = runner.run(task("INV-1001", DOWNLOAD_PDF), bundles.resolve("login"));

        assertThat(outcome).isInstanceOf(TaskOutcome.Completed.class);
        TaskOutcome.Completed completed = (TaskOutcome.Completed) outcome;
        assertThat(completed.extracted().get("total")).matches("EUR [0-9,]+\\.[0-9]{2}");
        DownloadedFile pdf = completed.downloads().get("invoicePdf");
        Path stored = completed.bundle().directory().resolve(pdf.bundlePath());
        assertThat(Files.readString(stored, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        assertThat(pdf.sha256()).isEqualTo(Digests.sha256Hex(stored));
        assertThat(pdf.fileName()).isEqualTo("invoice-INV-1001.pdf");

        VerificationResult verification = BundleVerifier.verify(completed.bundle().zip(), key.publicKey());
        assertThat(verification.valid()).as(verification.firstProblem()).isTrue();
        assertThat(completed.bundle().directory().resolve("trace.zip")).exists();
        assertThat(Files.readString(completed.bundle().directory().resolve("journal.jsonl")))
                .contains(Digests.valueDigest("demo"))
                .contains("\"secret:password\"");
    }

    @Test
    void secretAppearsInNoBundleFile() throws IOException {
        TaskOutcome outcome = runner.run(task("INV-1001"), bundles.resolve("secret"));

        try (Stream<Path> files = Files.walk(outcome.bundle().directory())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(contains(Files.readAllBytes(file), PASSWORD)).as(file.toString()).isFalse();
                if (file.getFileName().toString().endsWith(".zip")) {
                    assertZipEntriesFreeOfSecret(file);
                }
            }
        }
    }

    @Test
    void payStopsAtCheckpointWithoutClicking() {
        TaskOutcome outcome = runner.run(task("INV-1001", CLICK_PAY), bundles.resolve("checkpoint"));

        assertThat(outcome).isInstanceOf(TaskOutcome.CheckpointPending.class);
        PendingAction pending = ((TaskOutcome.CheckpointPending) outcome).action();
        assertThat(pending.stepIndex()).isEqualTo(6);
        assertThat(pending.description()).isEqualTo("Click button 'Pay' on " + base + "/invoices/INV-1001");
        assertThat(pending.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(pending.screenshot()).exists().hasFileName("step-06-checkpoint.png");
        assertThat(pending.expiresAt()).isAfter(Instant.now());
        assertThat(app.paymentCount("INV-1001")).as("payments of INV-1001").isZero();
        assertThat(BundleVerifier.verify(outcome.bundle().zip(), key.publicKey()).valid()).isTrue();
    }

    @Test
    void approvalForTheFingerprintClicksPayOnce() throws IOException {
        BrowserTask task = task("INV-1002", CLICK_PAY, "{\"action\": \"assertVisible\", \"target\": {\"testId\": \"payment-result\"}}");
        PendingAction pending = ((TaskOutcome.CheckpointPending) runner.run(task, bundles.resolve("first"))).action();
        Approval approval = new ApprovalSigner(key).approve("2251799813685249", pending.fingerprint(), "approver-1", Duration.ofMinutes(10));

        TaskOutcome outcome = runner.run(task.withApprovals(List.of(approval)), bundles.resolve("approved"));

        assertThat(outcome).isInstanceOf(TaskOutcome.Completed.class);
        assertThat(app.paymentCount("INV-1002")).as("payments of INV-1002").isEqualTo(1);
        assertThat(Files.readString(outcome.bundle().directory().resolve("journal.jsonl")))
                .as("journal names who approved")
                .contains("\"approver\":\"approver-1\"")
                .contains(approval.signature());
    }

    @Test
    void approvalForAnotherFingerprintIsRefused() throws IOException {
        BrowserTask task = task("INV-1003", CLICK_PAY);
        Approval other = new ApprovalSigner(key).approve("2251799813685249", "0".repeat(64), "approver-1", Duration.ofMinutes(10));

        TaskOutcome outcome = runner.run(task.withApprovals(List.of(other)), bundles.resolve("other"));

        assertThat(outcome).isInstanceOf(TaskOutcome.CheckpointPending.class);
        assertThat(app.paymentCount("INV-1003")).as("payments of INV-1003").isZero();
        assertThat(Files.readString(outcome.bundle().directory().resolve("journal.jsonl")))
                .contains("approval is for action " + "0".repeat(64));
    }

    @Test
    void failedStepKeepsVideoAndSealsTheBundle() throws IOException {
        BrowserTask task = task("INV-1001", "{\"action\": \"assertVisible\", \"target\": {\"testId\": \"no-such-element\"}, \"timeout\": \"PT1S\"}");
        BrowserTask withVideo = new BrowserTask(task.taskId(), task.startUrl(), task.allowedOrigins(), task.steps(), task.totalTimeout(),
                task.inputFiles(), task.approvals(), task.credentials(), new EvidenceOptions(true, true, true), task.identityId(),
                task.identityOwner());

        TaskFailedException failure = catchThrowableOfType(TaskFailedException.class,
                () -> runner.run(withVideo, bundles.resolve("failed")));

        assertThat(failure.stepIndex()).isEqualTo(6);
        assertThat(failure.getMessage()).startsWith("Task demo-INV-1001 failed at steps[6] (assertVisible): Timeout 1000ms exceeded");
        Path bundle = failure.bundle().directory();
        assertThat(bundle.resolve("screenshots/step-06-failed.png")).exists();
        assertThat(Files.size(bundle.resolve("video.webm"))).as("video size").isPositive();
        assertThat(BundleVerifier.verify(failure.bundle().zip(), key.publicKey()).valid()).isTrue();
    }

    @Test
    void tabEnterFromHarmlessLinkCannotPay() {
        BrowserTask task = task("INV-1001",
                "{\"action\": \"press\", \"target\": {\"role\": \"link\", \"name\": \"Download PDF\"}, \"key\": \"Tab\"}",
                "{\"action\": \"press\", \"key\": \"Enter\"}");

        TaskOutcome outcome = runner.run(task, bundles.resolve("tab-enter"));

        assertThat(app.paymentCount("INV-1001")).as("payments of INV-1001").isZero();
        assertThat(outcome).isInstanceOfAny(TaskOutcome.PolicyDenied.class, TaskOutcome.CheckpointPending.class);
    }

    @Test
    void tabEnterChordIsBlockedInPage() {
        BrowserTask task = task("INV-1001",
                "{\"action\": \"press\", \"target\": {\"role\": \"link\", \"name\": \"Download PDF\"}, \"key\": \"Tab+Enter\"}");

        TaskOutcome outcome = runner.run(task, bundles.resolve("tab-enter-chord"));

        assertThat(app.paymentCount("INV-1001")).as("payments of INV-1001").isZero();
        assertThat(outcome).isInstanceOf(TaskOutcome.PolicyDenied.class);
        assertThat(((TaskOutcome.PolicyDenied) outcome).rule()).isEqualTo("unapproved-high-risk-activation");
        assertThat(((TaskOutcome.PolicyDenied) outcome).reason()).contains("'Pay'");
    }

    @Test
    void revocationDuringTaskDeniesTheNextStep() {
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        TaskRunner revokingRunner = runner.withIdentityCheck(identityId -> {
            if (checks.incrementAndGet() > 3) {
                throw new IllegalStateException("agent identity '" + identityId + "' was revoked");
            }
        });

        TaskOutcome outcome = revokingRunner.run(task("INV-1001"), bundles.resolve("revoked"));

        assertThat(outcome).isInstanceOf(TaskOutcome.PolicyDenied.class);
        TaskOutcome.PolicyDenied denied = (TaskOutcome.PolicyDenied) outcome;
        assertThat(denied.stepIndex()).as("first step after the revocation").isEqualTo(3);
        assertThat(denied.rule()).isEqualTo("identity-authority");
        assertThat(denied.reason()).contains("agent-1").contains("revoked");
    }

    @Test
    void extractShowingTypedSecretFailsTheStep() {
        // A credential whose value the invoice page shows: the total that step 5 extracts.
        BrowserTask task = task("INV-1001").withCredentials(java.util.Map.of("password", PASSWORD, "shown", "1,250.00"));

        TaskFailedException failure = catchThrowableOfType(TaskFailedException.class,
                () -> runner.run(task, bundles.resolve("extract-secret")));

        assertThat(failure.stepIndex()).isEqualTo(5);
        assertThat(failure.getMessage()).contains("contains a credential");
        assertThat(failure.getMessage()).doesNotContain("1,250.00");
    }

    @Test
    void extractOfMissingAttributeFailsTheStep() {
        BrowserTask task = task("INV-1001",
                "{\"action\": \"extract\", \"target\": {\"testId\": \"invoice-total\"}, \"attribute\": \"data-absent\", \"output\": \"absent\"}");

        TaskFailedException failure = catchThrowableOfType(TaskFailedException.class,
                () -> runner.run(task, bundles.resolve("missing-attribute")));

        assertThat(failure.stepIndex()).isEqualTo(6);
        assertThat(failure.getMessage()).contains("no attribute 'data-absent'");
        assertThat(failure.bundle()).as("sealed bundle").isNotNull();
    }

    @Test
    void navigationOutsideTheAllowlistIsDenied() {
        BrowserTask task = task("INV-1001", "{\"action\": \"goto\", \"url\": \"http://127.0.0.2:9/\"}");

        TaskOutcome outcome = runner.run(task, bundles.resolve("denied"));

        assertThat(outcome).isInstanceOf(TaskOutcome.PolicyDenied.class);
        assertThat(((TaskOutcome.PolicyDenied) outcome).rule()).isEqualTo("navigation-outside-allowlist");
        assertThat(((TaskOutcome.PolicyDenied) outcome).stepIndex()).isEqualTo(6);
    }

    @Test
    void invalidTaskStartsNothing() throws IOException {
        BrowserTask missingCredential = task("INV-1001").withCredentials(java.util.Map.of());
        BrowserTask startOutside = TaskJson.parse("""
                {"startUrl": "http://127.0.0.2:9/", "allowedOrigins": ["%s"], "identityId": "agent-1", "steps": [{"action": "click", "target": {"text": "x"}}]}
                """.formatted(base));

        assertThatThrownBy(() -> runner.run(missingCredential, bundles.resolve("invalid-1")))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("steps[1].value: credential 'password' is missing; the task has no credentials");
        assertThatThrownBy(() -> runner.run(startOutside, bundles.resolve("invalid-2")))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageStartingWith("startUrl: 'http://127.0.0.2:9/' is outside allowedOrigins");
        BrowserTask valid = task("INV-1001");
        BrowserTask badAllowlist = new BrowserTask(valid.taskId(), valid.startUrl(), List.of(base, base + "/invoices"),
                valid.steps(), valid.totalTimeout(), valid.inputFiles(), valid.approvals(), valid.credentials(),
                valid.evidence(), valid.identityId(), valid.identityOwner());
        assertThatThrownBy(() -> runner.run(badAllowlist, bundles.resolve("invalid-3")))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageStartingWith("allowedOrigins[1]: allowed origin '" + base + "/invoices' has a path");
        assertThat(bundles.resolve("invalid-1")).doesNotExist();
        assertThat(bundles.resolve("invalid-2")).doesNotExist();
        assertThat(bundles.resolve("invalid-3")).doesNotExist();
        try (Stream<Path> folders = Files.list(workRoot)) {
            assertThat(folders.map(folder -> folder.getFileName().toString())).noneMatch(name -> name.startsWith("sbx-"));
        }
    }

    private static void assertZipEntriesFreeOfSecret(Path zip) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                assertThat(contains(content, PASSWORD)).as(zip + "!" + entry.getName()).isFalse();
                if (entry.getName().endsWith(".zip")) {
                    Path nested = Files.createTempFile("nested", ".zip");
                    Files.write(nested, content);
                    assertZipEntriesFreeOfSecret(nested);
                    Files.delete(nested);
                }
            }
        }
    }

    private static boolean contains(byte[] content, String text) {
        return new String(content, StandardCharsets.ISO_8859_1).contains(text);
    }
}
