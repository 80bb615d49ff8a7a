package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BundleTamperTest {

    @TempDir
    Path temp;

    private final SigningKey key = SigningKey.generate();

    static Stream<Arguments> everyFileAndPosition() {
        return SampleBundles.FILES.stream().flatMap(file -> Stream.of(
                Arguments.of(file, "first"), Arguments.of(file, "middle"), Arguments.of(file, "last")));
    }

    @ParameterizedTest(name = "{0} at {1} byte")
    @MethodSource("everyFileAndPosition")
    void flippedByteFailsNamingFile(String file, String where) throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);
        Path target = bundle.directory().resolve(file);
        int position = switch (where) {
            case "first" -> 0;
            case "middle" -> (int) Files.size(target) / 2;
            default -> -1;
        };

        SampleBundles.flipByte(target, position);

        VerificationResult folder = BundleVerifier.verify(bundle.directory(), key.publicKey());
        assertThat(folder.valid()).isFalse();
        assertThat(folder.firstProblem()).contains(file);
        VerificationResult zip = BundleVerifier.verify(SampleBundles.zipFolder(bundle.directory(), temp.resolve("t.zip")),
                key.publicKey());
        assertThat(zip.valid()).isFalse();
        assertThat(zip.firstProblem()).contains(file);
        VerificationResult embeddedKey = BundleVerifier.verify(bundle.directory());
        assertThat(embeddedKey.valid()).isFalse();
        assertThat(embeddedKey.firstProblem()).contains(file);
    }

    @Test
    void everySignatureByteIsCovered() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);
        Path signature = bundle.directory().resolve("manifest.sig");
        byte[] original = Files.readAllBytes(signature);

        for (int position = 0; position < original.length; position++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] changed = original.clone();
                changed[position] ^= (byte) (1 << bit);
                Files.write(signature, changed);

                VerificationResult result = BundleVerifier.verify(bundle.directory(), key.publicKey());
                assertThat(result.valid()).as("bit %d of byte %d", bit, position).isFalse();
                assertThat(result.firstProblem()).contains("manifest.sig");
            }
        }
    }

    @Test
    void addedFileFailsNamingIt() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);
        Files.writeString(bundle.directory().resolve("downloads/extra.txt"), "planted");

        VerificationResult result = BundleVerifier.verify(bundle.directory(), key.publicKey());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstProblem()).startsWith("downloads/extra.txt: not listed in manifest.json");
    }

    @Test
    void removedFileFailsNamingIt() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);
        Files.delete(bundle.directory().resolve("screenshots/after-pay.png"));

        VerificationResult result = BundleVerifier.verify(bundle.directory(), key.publicKey());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstProblem()).startsWith("screenshots/after-pay.png: listed in manifest.json but missing");
    }

    @Test
    void wrongTrustedKeyFails() {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);
        SigningKey other = SigningKey.generate();

        VerificationResult result = BundleVerifier.verify(bundle.zip(), other.publicKey());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstProblem()).isEqualTo("manifest.json: signed by key " + key.keyId()
                + ", not by the trusted key " + other.keyId());
    }

    @Test
    void removedJournalLineFails() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        editJournal(bundle, lines -> {
            lines.remove(3);
            return lines;
        });

        assertFailsAt(bundle, "journal.jsonl");
        assertForgedFailsAt(bundle, "journal.jsonl line 4: seq is 5, expected 4");
    }

    @Test
    void addedJournalLineFails() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        editJournal(bundle, lines -> {
            lines.add(5, lines.get(4));
            return lines;
        });

        assertFailsAt(bundle, "journal.jsonl");
        assertForgedFailsAt(bundle, "journal.jsonl line 6: seq is 5, expected 6");
    }

    @Test
    void reorderedJournalLinesFail() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        editJournal(bundle, lines -> {
            Collections.swap(lines, 2, 3);
            return lines;
        });

        assertFailsAt(bundle, "journal.jsonl");
        assertForgedFailsAt(bundle, "journal.jsonl line 3: seq is 4, expected 3");
    }

    @Test
    void rechainedJournalFailsOnlyByKey() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);
        editJournal(bundle, lines -> new ArrayList<>(lines.subList(0, lines.size() - 1)));
        SigningKey forger = SigningKey.generate();

        forgeManifest(bundle, forger, true);

        assertThat(BundleVerifier.verify(bundle.directory(), key.publicKey()).firstProblem())
                .startsWith("manifest.json: signed by key " + forger.keyId());
        assertThat(BundleVerifier.verify(bundle.directory()).firstProblem())
                .isEqualTo("journal.jsonl line 10: expected the bundle-sealed entry last");
    }

    private void assertFailsAt(SealedBundle bundle, String item) {
        VerificationResult result = BundleVerifier.verify(bundle.directory(), key.publicKey());
        assertThat(result.valid()).isFalse();
        assertThat(result.firstProblem()).startsWith(item);
    }

    /** Re-signs a manifest that matches the edited journal with another key, as someone without the real key could. */
    private void assertForgedFailsAt(SealedBundle bundle, String problem) throws Exception {
        forgeManifest(bundle, SigningKey.generate(), false);

        VerificationResult result = BundleVerifier.verify(bundle.directory());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstProblem()).startsWith(problem);
    }

    private static void editJournal(SealedBundle bundle, UnaryOperator<List<String>> edit) throws Exception {
        Path journal = bundle.directory().resolve("journal.jsonl");
        List<String> lines = edit.apply(new ArrayList<>(Files.readAllLines(journal)));
        Files.writeString(journal, String.join("\n", lines) + "\n");
    }

    private static void forgeManifest(SealedBundle bundle, SigningKey forger, boolean moveChainHead) throws Exception {
        Path directory = bundle.directory();
        byte[] journal = Files.readAllBytes(directory.resolve("journal.jsonl"));
        ObjectNode manifest = (ObjectNode) CanonicalJson.parse(Files.readString(directory.resolve("manifest.json")));
        for (JsonNode file : manifest.get("files")) {
            if (file.get("path").asText().equals("journal.jsonl")) {
                ((ObjectNode) file).put("sha256", Digests.sha256Hex(journal)).put("size", journal.length);
            }
        }
        if (moveChainHead) {
            List<JournalEntry> entries = JournalChecker.check(journal);
            ((ObjectNode) manifest.get("journal")).put("chainHead", entries.get(entries.size() - 1).hash())
                    .put("entries", entries.size());
        }
        ((ObjectNode) manifest.get("signing")).put("keyId", forger.keyId()).put("publicKey", forger.publicKeyBase64());
        byte[] bytes = CanonicalJson.writeTree(manifest);
        Files.write(directory.resolve("manifest.json"), bytes);
        Files.writeString(directory.resolve("manifest.sig"),
                Base64.getEncoder().encodeToString(forger.sign(bytes)) + "\n", StandardCharsets.US_ASCII);
    }
}
