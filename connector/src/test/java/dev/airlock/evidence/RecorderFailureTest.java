package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder fails closed: every I/O problem throws, so the task stops before acting unrecorded. */
class RecorderFailureTest {

    @TempDir
    Path temp;

    private final SigningKey key = SigningKey.generate();

    @Test
    void removedFolderStopsEveryWrite() throws Exception {
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            deleteTree(directory);

            assertThatThrownBy(() -> recorder.append("step-finished", Map.of("step", 1)))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("journal.jsonl");
            assertThatThrownBy(() -> recorder.recordNetwork(SampleBundles.event("http", "127.0.0.1", 80,
                    "http://127.0.0.1/", NetworkEvent.ALLOWED, 200)))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("network.jsonl");
            assertThatThrownBy(() -> recorder.seal(Map.of())).isInstanceOf(EvidenceException.class);
        }
    }

    @Test
    void removedFolderStopsScreenshot() throws Exception {
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            deleteTree(directory);
            Files.createDirectories(directory.getParent());
            Files.writeString(directory, "a file where the bundle folder was");

            assertThatThrownBy(() -> recorder.addScreenshot("step-1-before", new byte[] {1, 2}))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("screenshots/step-1-before.png");
        }
    }

    @Test
    void blockedScreenshotFolderStopsScreenshot() throws Exception {
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            Files.writeString(directory.resolve("screenshots"), "a file where the folder belongs");

            assertThatThrownBy(() -> recorder.addScreenshot("step-1-before", new byte[] {1, 2}))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("Failed to write screenshots/step-1-before.png");
        }
    }

    @Test
    void readOnlyFolderStopsWrites() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "root ignores file permissions, so a read-only folder does not stop its writes");
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            Files.setPosixFilePermissions(directory.resolve("journal.jsonl"), PosixFilePermissions.fromString("r--r--r--"));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                assertThatThrownBy(() -> recorder.append("step-finished", Map.of()))
                        .isInstanceOf(EvidenceException.class);
                assertThatThrownBy(() -> recorder.addScreenshot("step-1", new byte[] {1}))
                        .isInstanceOf(EvidenceException.class);
            } finally {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void truncatedJournalStopsAppend() throws Exception {
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            recorder.append("step-finished", Map.of("step", 1));
            Files.write(directory.resolve("journal.jsonl"), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);

            assertThatThrownBy(() -> recorder.append("step-finished", Map.of("step", 2)))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("journal.jsonl was changed outside the evidence recorder");
        }
    }

    @Test
    void fileChangedAfterRecordingStopsSeal() throws Exception {
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            recorder.addFile("downloads/invoice.pdf", new byte[] {1, 2, 3});
            Files.write(directory.resolve("downloads/invoice.pdf"), new byte[] {9, 9, 9});

            assertThatThrownBy(() -> recorder.seal(Map.of()))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("downloads/invoice.pdf of bundle b1 changed after it was recorded");
        }
        assertThat(temp.resolve("bundle.zip")).doesNotExist();
    }

    @Test
    void strayFileStopsSeal() throws Exception {
        Path directory = temp.resolve("bundle");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, SampleBundles.info("b1"), key)) {
            Files.writeString(directory.resolve("planted.txt"), "not recorded");

            assertThatThrownBy(() -> recorder.seal(Map.of()))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("[planted.txt]");
        }
    }

    @Test
    void missingSourceFileThrows() {
        try (EvidenceRecorder recorder = EvidenceRecorder.open(temp.resolve("bundle"), SampleBundles.info("b1"), key)) {
            assertThatThrownBy(() -> recorder.addFile("video.webm", temp.resolve("no-such-video.webm")))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("no-such-video.webm");
            assertThat(temp.resolve("bundle/video.webm")).doesNotExist();
        }
    }

    @Test
    void unwritableParentStopsOpen() throws Exception {
        Path blocker = Files.writeString(temp.resolve("not-a-folder"), "file");

        assertThatThrownBy(() -> EvidenceRecorder.open(blocker.resolve("bundle"), SampleBundles.info("b1"), key))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("Failed to create bundle folder");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
