package dev.airlock.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lowercase hex, the form used throughout an evidence bundle. */
public final class Digests {

    private Digests() {
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(newSha256().digest(data));
    }

    /**
     * Hashes a file by streaming it.
     *
     * @throws EvidenceException if the file cannot be read
     */
    public static String sha256Hex(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256Hex(in);
        } catch (IOException e) {
            throw new EvidenceException("Failed to read " + file + " to hash it: " + e.getMessage(), e);
        }
    }

    /**
     * Returns {@code "sha256:" + hex} of the value's UTF-8 bytes. Typed values are journalled in this form so the
     * evidence proves what was typed without storing it.
     */
    public static String valueDigest(String typedValue) {
        return "sha256:" + sha256Hex(typedValue.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(InputStream in) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256, which every Java SE platform must provide", e);
        }
    }
}
