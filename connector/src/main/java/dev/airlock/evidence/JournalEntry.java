package dev.airlock.evidence;

import java.time.Instant;
import java.util.Map;

/**
 * One line of {@code journal.jsonl}.
 *
 * @param seq position in the journal, starting at 1
 * @param time when the entry was written, in UTC
 * @param type what happened, for example {@code screenshot} or {@code step-finished}
 * @param data details of the event, as written to the journal
 * @param prevHash hash of the previous entry, or 64 zeros for the first entry
 * @param hash SHA-256 hex of the entry's canonical JSON without the {@code hash} field
 */
public record JournalEntry(long seq, Instant time, String type, Map<String, Object> data, String prevHash,
        String hash) {

    /** The {@code prevHash} of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);
}
