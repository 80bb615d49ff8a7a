package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path temp;

    private final byte[] message = "manifest bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureVerifiesWithPublicKey() {
        SigningKey key = SigningKey.generate();

        byte[] signature = key.sign(message);

        assertThat(signature).hasSize(64);
        assertThat(SigningKey.verify(key.publicKey(), message, signature)).isTrue();
    }

    @Test
    void alteredMessageFailsVerification() {
        SigningKey key = SigningKey.generate();
        byte[] signature = key.sign(message);
        message[0] ^= 1;

        assertThat(SigningKey.verify(key.publicKey(), message, signature)).isFalse();
    }

    @Test
    void otherKeyFailsVerification() {
        byte[] signature = SigningKey.generate().sign(message);

        assertThat(SigningKey.verify(SigningKey.generate().publicKey(), message, signature)).isFalse();
    }

    @Test
    void malformedSignatureFailsVerification() {
        assertThat(SigningKey.verify(SigningKey.generate().publicKey(), message, new byte[3])).isFalse();
    }

    @Test
    void keyIdIsPublicKeyHashPrefix() {
        SigningKey key = SigningKey.generate();

        assertThat(key.keyId()).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(key.keyId()).isEqualTo(Digests.sha256Hex(key.publicKey().getEncoded()).substring(0, 16));
    }

    @Test
    void loadOrCreateKeepsKeyAcrossCalls() throws Exception {
        SigningKey created = SigningKey.loadOrCreate(temp.resolve("keys"));
        SigningKey loaded = SigningKey.loadOrCreate(temp.resolve("keys"));

        assertThat(loaded.keyId()).isEqualTo(created.keyId());
        assertThat(SigningKey.verify(created.publicKey(), message, loaded.sign(message))).isTrue();
        assertThat(Files.readString(temp.resolve("keys/signing-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(temp.resolve("keys/signing-key.pub.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("keys/signing-key.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void mismatchedPublicKeyIsRejected() throws Exception {
        SigningKey.loadOrCreate(temp.resolve("a"));
        SigningKey.loadOrCreate(temp.resolve("b"));
        Files.copy(temp.resolve("b/signing-key.pub.pem"), temp.resolve("a/signing-key.pub.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> SigningKey.loadOrCreate(temp.resolve("a")))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("does not belong to");
    }

    @Test
    void corruptKeyFileIsRejected() throws Exception {
        SigningKey.loadOrCreate(temp.resolve("keys"));
        Files.writeString(temp.resolve("keys/signing-key.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64!\n");

        assertThatThrownBy(() -> SigningKey.loadOrCreate(temp.resolve("keys")))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("Invalid Ed25519 key");
    }

    @Test
    void publicKeyRoundTripsThroughBase64() {
        SigningKey key = SigningKey.generate();

        assertThat(SigningKey.decodePublicKey(key.publicKeyBase64())).isEqualTo(key.publicKey());
        assertThatThrownBy(() -> SigningKey.decodePublicKey("AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsOnlyKeyId() {
        SigningKey key = SigningKey.generate();

        assertThat(key.toString()).isEqualTo("SigningKey[keyId=" + key.keyId() + "]");
    }
}
