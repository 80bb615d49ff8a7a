package dev.airlock.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the hash-chained {@code journal.jsonl}. Each line is the entry's canonical JSON with
 * {@code ,"hash":"<hex>"} inserted before the closing brace, where the hash is the SHA-256 of that canonical JSON.
 * Not thread-safe: the recorder serialises calls.
 */
final class JournalWriter {

    static final String FILE = "journal.jsonl";
    static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    private final AppendOnlyFile file;
    private final List<JournalEntry> entries = new ArrayList<>();
    private String lastHash = JournalEntry.GENESIS_HASH;

    JournalWriter(Path bundleDirectory) {
        this.file = new AppendOnlyFile(bundleDirectory.resolve(FILE), FILE);
    }

    JournalEntry append(String type, Map<String, ?> data) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Invalid journal entry type '" + type
                    + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("data", data == null ? Map.of() : data);
        entry.put("prevHash", lastHash);
        entry.put("seq", entries.size() + 1L);
        entry.put("time", Instant.now().truncatedTo(ChronoUnit.MICROS));
        entry.put("type", type);

        byte[] canonical = CanonicalJson.write(entry);
        String hash = Digests.sha256Hex(canonical);
        file.append(line(canonical, hash));

        JournalEntry written = toEntry(canonical, hash);
        entries.add(written);
        lastHash = hash;
        return written;
    }

    List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    String chainHead() {
        return lastHash;
    }

    long length() {
        return file.length();
    }

    /** Returns the journal line: the canonical entry with the hash field added last, and a newline. */
    static byte[] line(byte[] canonical, String hash) {
        byte[] suffix = (",\"hash\":\"" + hash + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(canonical, canonical.length - 1 + suffix.length);
        System.arraycopy(suffix, 0, line, canonical.length - 1, suffix.length);
        return line;
    }

    @SuppressWarnings("unchecked")
    private static JournalEntry toEntry(byte[] canonical, String hash) {
        try {
            JsonNode node = CanonicalJson.parse(new String(canonical, StandardCharsets.UTF_8));
            Map<String, Object> data = CanonicalJson.mapper().convertValue(node.get("data"), Map.class);
            return new JournalEntry(node.get("seq").asLong(), Instant.parse(node.get("time").asText()),
                    node.get("type").asText(), data, node.get("prevHash").asText(), hash);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The journal wrote JSON it cannot read back", e);
        }
    }
}
