package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how long recording, sealing and verifying take for a bundle shaped like a long task: 1000 journal entries,
 * 100 screenshots of 200 KB and a 20 MB video, all incompressible like real PNG and WebM data. The first round warms
 * up the JIT compiler and is not printed.
 */
@Tag("benchmark")
class EvidenceBenchmarkTest {

    @TempDir
    Path temp;

    private final Random random = new Random(42);
    private final SigningKey key = SigningKey.generate();

    @Test
    void recordSealAndVerifyLongTask() {
        recordSealAndVerify(temp.resolve("warm-up"), false);
        recordSealAndVerify(temp.resolve("measured"), true);
    }

    private void recordSealAndVerify(Path directory, boolean print) {
        byte[] screenshot = new byte[200 * 1024];
        byte[] video = new byte[20 * 1024 * 1024];
        random.nextBytes(video);

        long start = System.nanoTime();
        EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("bench"), key);
        for (int i = 0; i < 1000; i++) {
            recorder.append("step-finished", Map.of("step", i, "action", "click", "name", "Button " + i));
        }
        long appended = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            random.nextBytes(screenshot);
            recorder.addScreenshot("step-" + i, screenshot);
        }
        long screenshots = System.nanoTime();
        recorder.addFile("video.webm", video);
        long videoAdded = System.nanoTime();
        SealedBundle bundle = recorder.seal(Map.of("status", "COMPLETED"));
        long sealed = System.nanoTime();
        recorder.close();
        VerificationResult result = BundleVerifier.verify(bundle.zip(), key.publicKey());
        long verified = System.nanoTime();

        assertThat(result.valid()).as(result.firstProblem()).isTrue();
        if (print) {
            System.out.printf("journal append: %.1f us each (1000 entries)%n", (appended - start) / 1000 / 1000.0);
            System.out.printf("screenshot 200 KB: %.2f ms each (100)%n", (screenshots - appended) / 100 / 1e6);
            System.out.printf("video 20 MB: %d ms%n", (videoAdded - screenshots) / 1_000_000);
            System.out.printf("seal (report, manifest, signature, zip, self-check): %d ms%n", (sealed - videoAdded) / 1_000_000);
            System.out.printf("verify zip with trusted key: %d ms%n", (verified - sealed) / 1_000_000);
        }
    }
}
