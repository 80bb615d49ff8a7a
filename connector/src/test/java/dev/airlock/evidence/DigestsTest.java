package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {

    /** SHA-256 of "abc", as `printf abc | sha256sum` prints it. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path temp;

    @Test
    void bytesHashToKnownVector() {
        assertThat(Digests.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    }

    @Test
    void fileHashesLikeItsBytes() throws Exception {
        Path file = Files.writeString(temp.resolve("abc.txt"), "abc");

        assertThat(Digests.sha256Hex(file)).isEqualTo(ABC);
    }

    @Test
    void missingFileThrowsEvidenceException() {
        assertThatThrownBy(() -> Digests.sha256Hex(temp.resolve("missing.bin")))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("missing.bin");
    }

    @Test
    void valueDigestHidesValue() {
        String digest = Digests.valueDigest("abc");

        assertThat(digest).isEqualTo("sha256:" + ABC);
        assertThat(digest).doesNotContain("abc\"");
    }
}
