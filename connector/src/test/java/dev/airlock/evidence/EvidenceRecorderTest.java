package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceRecorderTest {

    @TempDir
    Path temp;

    private final SigningKey key = SigningKey.generate();

    @Test
    void sealedBundleVerifies() {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        VerificationResult zip = BundleVerifier.verify(bundle.zip(), key.publicKey());
        VerificationResult folder = BundleVerifier.verify(bundle.directory(), key.publicKey());
        VerificationResult embeddedKey = BundleVerifier.verify(bundle.zip());

        assertThat(zip.valid()).as(zip.firstProblem()).isTrue();
        assertThat(folder.valid()).as(folder.firstProblem()).isTrue();
        assertThat(embeddedKey.valid()).as(embeddedKey.firstProblem()).isTrue();
        assertThat(zip.checked()).anySatisfy(line -> assertThat(line).startsWith("manifest.sig: Ed25519 signature"));
        assertThat(zip.checked()).anySatisfy(line -> assertThat(line).startsWith("journal.jsonl: 11 entries"));
    }

    @Test
    void sealedBundleDescribesItself() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        assertThat(bundle.bundleId()).isEqualTo("task-42-a1b2");
        assertThat(bundle.zip()).isEqualTo(temp.resolve("bundle.zip").toAbsolutePath());
        assertThat(bundle.keyId()).isEqualTo(key.keyId());
        assertThat(bundle.journalEntries()).isEqualTo(11);
        byte[] manifest = Files.readAllBytes(bundle.directory().resolve("manifest.json"));
        assertThat(bundle.manifestSha256()).isEqualTo(Digests.sha256Hex(manifest));
        assertThat(Files.readString(bundle.directory().resolve("manifest.sig"))).isEqualTo(bundle.signature() + "\n");
        assertThat(new String(manifest, StandardCharsets.UTF_8)).contains("\"chainHead\":\"" + bundle.chainHead() + "\"");
    }

    @Test
    void zipContainsEveryBundleFile() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        try (ZipFile zip = new ZipFile(bundle.zip().toFile())) {
            List<String> names = zip.stream().map(entry -> entry.getName()).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(SampleBundles.FILES);
        }
    }

    @Test
    void journalLinesChainHashes() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        List<JournalEntry> entries = JournalChecker.check(Files.readAllBytes(bundle.directory().resolve("journal.jsonl")));

        assertThat(entries).hasSize(11);
        assertThat(entries.get(0).type()).isEqualTo("bundle-opened");
        assertThat(entries.get(0).prevHash()).isEqualTo(JournalEntry.GENESIS_HASH);
        assertThat(entries.get(0).data()).containsEntry("bundleId", "task-42-a1b2").containsEntry("keyId", key.keyId());
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).as("prevHash of entry %d", i + 1).isEqualTo(entries.get(i - 1).hash());
            assertThat(entries.get(i).seq()).isEqualTo(i + 1);
        }
        assertThat(entries.get(10).type()).isEqualTo("bundle-sealed");
        assertThat(entries.get(10).hash()).isEqualTo(bundle.chainHead());
    }

    @Test
    void appendReturnsWrittenEntry() throws Exception {
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            JournalEntry entry = recorder.append("step-finished", Map.of("step", 3, "amount", new java.math.BigDecimal("1250.00")));

            String line = Files.readAllLines(directory.resolve("journal.jsonl")).get(1);
            assertThat(entry.seq()).isEqualTo(2);
            assertThat(entry.type()).isEqualTo("step-finished");
            assertThat(entry.data()).containsEntry("step", 3);
            assertThat(line).startsWith("{\"data\":{\"amount\":1250.0,\"step\":3},\"prevHash\":\"");
            assertThat(line).endsWith(",\"hash\":\"" + entry.hash() + "\"}");
            assertThat(Digests.sha256Hex(line.replace(",\"hash\":\"" + entry.hash() + "\"}", "}")
                    .getBytes(StandardCharsets.UTF_8))).isEqualTo(entry.hash());
        }
    }

    @Test
    void screenshotIsWrittenAndJournalled() throws Exception {
        Path directory = temp.resolve("bundle");
        byte[] png = SampleBundles.png(0x0000ff);
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            String path = recorder.addScreenshot("step-1-before", png);

            assertThat(path).isEqualTo("screenshots/step-1-before.png");
            assertThat(directory.resolve(path)).hasBinaryContent(png);
            assertThat(Files.readAllLines(directory.resolve("journal.jsonl")).get(1))
                    .contains("\"path\":\"screenshots/step-1-before.png\"")
                    .contains("\"sha256\":\"" + Digests.sha256Hex(png) + "\"")
                    .contains("\"size\":" + png.length)
                    .contains("\"type\":\"screenshot\"");
        }
    }

    @Test
    void fileFromPathIsCopiedAndJournalled() throws Exception {
        Path directory = temp.resolve("bundle");
        Path source = Files.writeString(temp.resolve("video.webm"), "not really a video");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            String path = recorder.addFile("video.webm", source);

            assertThat(directory.resolve(path)).hasSameBinaryContentAs(source);
            assertThat(Files.readAllLines(directory.resolve("journal.jsonl")).get(1))
                    .contains("\"sha256\":\"" + Digests.sha256Hex(source) + "\"")
                    .contains("\"type\":\"file\"");
        }
    }

    @Test
    void networkEventIsOneLine() throws Exception {
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            recorder.recordNetwork(SampleBundles.event("https", "evil.invalid", 443, "https://evil.invalid/x",
                    NetworkEvent.BLOCKED, null));

            List<String> lines = Files.readAllLines(directory.resolve("network.jsonl"));
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).isEqualTo("{\"host\":\"evil.invalid\",\"initiator\":\"http://127.0.0.1:8090/invoices\","
                    + "\"method\":\"GET\",\"port\":443,\"reason\":\"origin not allowed\",\"resourceType\":\"document\","
                    + "\"scheme\":\"https\",\"status\":null,\"time\":\"2026-12-04T10:15:31Z\",\"url\":\"https://evil.invalid/x\","
                    + "\"verdict\":\"BLOCKED\"}");
        }
    }

    @Test
    void appendAfterSealThrows() {
        try (EvidenceRecorder recorder = EvidenceRecorder.open(temp.resolve("bundle"), SampleBundles.info("b1"), key)) {
            recorder.seal(Map.of());

            assertThatThrownBy(() -> recorder.append("step-finished", Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already sealed");
            assertThatThrownBy(() -> recorder.addScreenshot("late", new byte[] {1}))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> recorder.addFile("late.bin", new byte[] {1}))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> recorder.recordNetwork(SampleBundles.event("http", "a", 80, "http://a/",
                    NetworkEvent.ALLOWED, 200))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> recorder.seal(Map.of())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void appendAfterCloseThrows() {
        EvidenceRecorder recorder = EvidenceRecorder.open(temp.resolve("bundle"), SampleBundles.info("b1"), key);
        recorder.close();

        assertThatThrownBy(() -> recorder.append("step-finished", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void nonEmptyFolderIsRejected() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("bundle"));
        Files.writeString(directory.resolve("old.txt"), "left over");

        assertThatThrownBy(() -> EvidenceRecorder.open(directory, SampleBundles.info("b1"), key))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("is not empty");
    }

    @Test
    void existingZipIsRejected() throws Exception {
        Files.writeString(temp.resolve("bundle.zip"), "older bundle");

        assertThatThrownBy(() -> EvidenceRecorder.open(temp.resolve("bundle"), SampleBundles.info("b1"), key))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("bundle.zip already exists");
    }

    @Test
    void invalidNamesAreRejected() {
        try (EvidenceRecorder recorder = EvidenceRecorder.open(temp.resolve("bundle"), SampleBundles.info("b1"), key)) {
            assertThatThrownBy(() -> recorder.addFile("../outside.txt", new byte[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'../outside.txt'");
            assertThatThrownBy(() -> recorder.addFile("/etc/passwd", new byte[] {1}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> recorder.addFile("manifest.json", new byte[] {1}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> recorder.addFile("screenshots/fake.png", new byte[] {1}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> recorder.addScreenshot("a/b", new byte[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'a/b'");
            assertThatThrownBy(() -> recorder.append("bad type!", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'bad type!'");
            assertThatThrownBy(() -> recorder.append("bundle-sealed", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void duplicateFileIsRejected() {
        try (EvidenceRecorder recorder = EvidenceRecorder.open(temp.resolve("bundle"), SampleBundles.info("b1"), key)) {
            recorder.addScreenshot("step-1", new byte[] {1});

            assertThatThrownBy(() -> recorder.addScreenshot("step-1", new byte[] {2}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("screenshots/step-1.png was already recorded");
        }
    }

    @Test
    void concurrentAppendsKeepChainIntact() throws Exception {
        SealedBundle bundle;
        try (EvidenceRecorder recorder = EvidenceRecorder.open(temp.resolve("bundle"), SampleBundles.info("b1"), key);
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int id = thread;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        recorder.append("step-finished", Map.of("thread", id, "i", i));
                        recorder.recordNetwork(SampleBundles.event("http", "127.0.0.1", 80, "http://127.0.0.1/" + i,
                                NetworkEvent.ALLOWED, 200));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            bundle = recorder.seal(Map.of());
        }

        VerificationResult result = BundleVerifier.verify(bundle.zip(), key.publicKey());
        assertThat(result.valid()).as(result.firstProblem()).isTrue();
        assertThat(bundle.journalEntries()).isEqualTo(202);
        assertThat(Files.readAllLines(bundle.directory().resolve("network.jsonl"))).hasSize(200);
    }
}
