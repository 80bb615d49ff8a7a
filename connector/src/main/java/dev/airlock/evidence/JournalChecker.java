package dev.airlock.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the hash chain of {@code journal.jsonl}, line by line, and returns the entries it read. */
final class JournalChecker {

    private static final Pattern LINE = Pattern.compile("(\\{.*),\"hash\":\"([0-9a-f]{64})\"}");

    private JournalChecker() {
    }

    static List<JournalEntry> check(byte[] journal) throws BundleProblem {
        if (journal.length == 0) {
            throw new BundleProblem(JournalWriter.FILE + ": empty, but every bundle journals at least its opening");
        }
        if (journal[journal.length - 1] != '\n') {
            throw new BundleProblem(JournalWriter.FILE + ": the last line does not end with a newline, so the file"
                    + " was cut short or appended to");
        }
        List<JournalEntry> entries = new ArrayList<>();
        String prevHash = JournalEntry.GENESIS_HASH;
        int start = 0;
        for (int lineNumber = 1; start < journal.length; lineNumber++) {
            int end = indexOf(journal, (byte) '\n', start);
            JournalEntry entry = checkLine(Arrays.copyOfRange(journal, start, end), lineNumber, prevHash);
            entries.add(entry);
            prevHash = entry.hash();
            start = end + 1;
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static JournalEntry checkLine(byte[] bytes, int lineNumber, String prevHash) throws BundleProblem {
        String where = JournalWriter.FILE + " line " + lineNumber + ": ";
        String line = decodeUtf8(bytes, where);
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new BundleProblem(where + "does not end with a \"hash\" field of 64 hex digits");
        }
        String canonical = matcher.group(1) + "}";
        String hash = matcher.group(2);
        byte[] canonicalBytes = canonical.getBytes(StandardCharsets.UTF_8);
        if (!Digests.sha256Hex(canonicalBytes).equals(hash)) {
            throw new BundleProblem(where + "hash does not match the entry's content, so the line was altered");
        }

        JsonNode node;
        try {
            node = CanonicalJson.parse(canonical);
            if (!Arrays.equals(CanonicalJson.writeTree(node), canonicalBytes)) {
                throw new BundleProblem(where + "the entry is not in canonical JSON form");
            }
        } catch (JsonProcessingException e) {
            throw new BundleProblem(where + "invalid JSON: " + e.getOriginalMessage());
        }

        long seq = node.path("seq").asLong(-1);
        if (!node.path("seq").isIntegralNumber() || seq != lineNumber) {
            throw new BundleProblem(where + "seq is " + node.path("seq") + ", expected " + lineNumber
                    + ", so lines were removed, added or reordered");
        }
        if (!prevHash.equals(node.path("prevHash").asText())) {
            throw new BundleProblem(where + "prevHash does not match the hash of "
                    + (lineNumber == 1 ? "the chain start (64 zeros)" : "line " + (lineNumber - 1))
                    + ", so lines were removed, added or reordered");
        }
        if (!node.path("data").isObject() || !node.path("type").isTextual()) {
            throw new BundleProblem(where + "data must be an object and type a string");
        }
        Instant time;
        try {
            time = Instant.parse(node.path("time").asText());
        } catch (DateTimeParseException e) {
            throw new BundleProblem(where + "time is not an ISO-8601 instant: " + node.path("time"));
        }
        Map<String, Object> data = CanonicalJson.mapper().convertValue(node.get("data"), Map.class);
        return new JournalEntry(seq, time, node.get("type").asText(), data, prevHash, hash);
    }

    private static String decodeUtf8(byte[] bytes, String where) throws BundleProblem {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleProblem(where + "not valid UTF-8, so the line was altered");
        }
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return bytes.length;
    }
}
