package dev.airlock.evidence;

import java.util.List;
import java.util.Map;

/**
 * Checks that the journal agrees with the manifest: it opens with this bundle's id, ends with its sealing, and
 * every file it records has the hash the manifest lists.
 */
final class JournalCrossCheck {

    static final String OPENED = "bundle-opened";
    static final String SEALED = "bundle-sealed";

    private JournalCrossCheck() {
    }

    static void check(List<JournalEntry> entries, Manifest manifest, Map<String, Manifest.FileEntry> files)
            throws BundleProblem {
        JournalEntry first = entries.get(0);
        if (!OPENED.equals(first.type()) || !manifest.bundleId().equals(first.data().get("bundleId"))) {
            throw new BundleProblem(JournalWriter.FILE + " line 1: expected a " + OPENED + " entry for bundle "
                    + manifest.bundleId() + ", so the journal belongs to another bundle");
        }
        JournalEntry last = entries.get(entries.size() - 1);
        if (!SEALED.equals(last.type())) {
            throw new BundleProblem(JournalWriter.FILE + " line " + entries.size() + ": expected the " + SEALED
                    + " entry last");
        }
        for (JournalEntry entry : entries) {
            if (!"screenshot".equals(entry.type()) && !"file".equals(entry.type())) {
                continue;
            }
            Object path = entry.data().get("path");
            Manifest.FileEntry file = files.get(String.valueOf(path));
            if (file == null || !file.sha256().equals(entry.data().get("sha256"))) {
                throw new BundleProblem(JournalWriter.FILE + " line " + entry.seq() + ": " + path
                        + " is missing from " + Manifest.FILE + " or has another SHA-256 there");
            }
        }
    }
}
