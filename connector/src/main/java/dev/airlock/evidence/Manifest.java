package dev.airlock.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Contents of {@code manifest.json}: what the bundle is, every other file with its hash, the journal's chain head
 * and the key that signs it. Written as canonical JSON, so its bytes are fixed by its content.
 */
record Manifest(String bundleId, int formatVersion, String identityId, String containmentLevel, Instant startedAt,
        Instant endedAt, List<FileEntry> files, JournalHead journal, Signer signing) {

    static final String FILE = "manifest.json";
    static final String SIGNATURE_FILE = "manifest.sig";
    static final int FORMAT_VERSION = 1;

    /** A file of the bundle, by its path relative to the bundle root with {@code /} separators. */
    record FileEntry(String path, String sha256, long size) {
    }

    /** The journal's last hash and its number of entries. */
    record JournalHead(String path, String chainHead, int entries) {
    }

    /** The signing algorithm, key id and base64 X.509 public key. */
    record Signer(String algorithm, String keyId, String publicKey) {
    }

    byte[] toJson() {
        return CanonicalJson.write(this);
    }

    /**
     * Reads a manifest from its parsed JSON.
     *
     * @throws IllegalArgumentException naming the first field that is missing or has the wrong type
     */
    static Manifest fromJson(JsonNode root) {
        int version = integer(root, "formatVersion");
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion " + version + " is not supported; this verifier reads version "
                    + FORMAT_VERSION);
        }
        List<FileEntry> files = new ArrayList<>();
        JsonNode fileNodes = root.path("files");
        if (!fileNodes.isArray()) {
            throw new IllegalArgumentException("files is missing or not an array");
        }
        for (JsonNode file : fileNodes) {
            files.add(new FileEntry(text(file, "path"), text(file, "sha256"), integer(file, "size")));
        }
        JsonNode journal = root.path("journal");
        JsonNode signing = root.path("signing");
        return new Manifest(text(root, "bundleId"), version, text(root, "identityId"), text(root, "containmentLevel"),
                instant(root, "startedAt"), instant(root, "endedAt"), List.copyOf(files),
                new JournalHead(text(journal, "path"), text(journal, "chainHead"), integer(journal, "entries")),
                new Signer(text(signing, "algorithm"), text(signing, "keyId"), text(signing, "publicKey")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " is missing or not an integer");
        }
        return value.asInt();
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + node.path(field).asText(), e);
        }
    }
}
