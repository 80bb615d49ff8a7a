package dev.airlock.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one task into a bundle folder: the hash-chained journal, screenshots, files and the network journal, then
 * seals it with a signed manifest and a zip.
 *
 * <p>Every method has written its data to the operating system before it returns, and any I/O failure throws
 * {@link EvidenceException}, so the caller stops the task rather than act unrecorded. Methods are thread-safe.
 * After {@link #seal(Map)} has been called, nothing more can be recorded.
 */
public final class EvidenceRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRecorder.class);

    private final Path directory;
    private final BundleInfo info;
    private final SigningKey key;
    private final JournalWriter journal;
    private final NetworkLog network;
    private final Map<String, Manifest.FileEntry> addedFiles = new TreeMap<>();
    private boolean sealing;
    private boolean closed;

    private EvidenceRecorder(Path directory, BundleInfo info, SigningKey key) {
        this.directory = directory;
        this.info = info;
        this.key = key;
        this.journal = new JournalWriter(directory);
        this.network = new NetworkLog(directory);
    }

    /**
     * Creates the bundle folder and journals the bundle's opening.
     *
     * @throws EvidenceException if the folder is not empty, its zip already exists, or it cannot be written
     */
    public static EvidenceRecorder open(Path bundleDirectory, BundleInfo info, SigningKey key) {
        Path zip = BundleZip.zipPathOf(bundleDirectory);
        try {
            Files.createDirectories(bundleDirectory);
            try (Stream<Path> children = Files.list(bundleDirectory)) {
                if (children.findAny().isPresent()) {
                    throw new EvidenceException("Bundle folder " + bundleDirectory + " is not empty. Pass a new folder"
                            + " for each task, so no earlier evidence is mixed in.");
                }
            }
            if (Files.exists(zip)) {
                throw new EvidenceException("Bundle zip " + zip + " already exists and would be replaced at sealing."
                        + " Pass a new folder for each task.");
            }
        } catch (IOException e) {
            throw new EvidenceException("Failed to create bundle folder " + bundleDirectory + ": " + e, e);
        }
        EvidenceRecorder recorder = new EvidenceRecorder(bundleDirectory, info, key);
        Map<String, Object> opened = new LinkedHashMap<>();
        opened.put("bundleId", info.bundleId());
        opened.put("identityId", info.identityId());
        opened.put("containmentLevel", info.containmentLevel());
        opened.put("startedAt", info.startedAt());
        opened.put("keyId", key.keyId());
        opened.put("formatVersion", Manifest.FORMAT_VERSION);
        recorder.journal.append(JournalCrossCheck.OPENED, opened);
        log.info("Evidence bundle {} opened in {} for identity {}", info.bundleId(), bundleDirectory, info.identityId());
        return recorder;
    }

    /**
     * Appends one journal entry.
     *
     * @param type what happened, as 1-64 letters, digits, '.', '_' or '-'. The types {@code bundle-opened} and
     *     {@code bundle-sealed} are written by the recorder only.
     * @param data details that Jackson can serialize. Pass typed values as {@link Digests#valueDigest} only.
     */
    public synchronized JournalEntry append(String type, Map<String, ?> data) {
        ensureRecording();
        if (JournalCrossCheck.OPENED.equals(type) || JournalCrossCheck.SEALED.equals(type)) {
            throw new IllegalArgumentException("Journal entry type '" + type + "' is written by the recorder only");
        }
        return journal.append(type, data);
    }

    /** Writes {@code screenshots/<name>.png}, journals a {@code screenshot} entry and returns the file's bundle path. */
    public synchronized String addScreenshot(String name, byte[] png) {
        ensureRecording();
        if (name == null || !BundlePaths.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid screenshot name '" + name
                    + "': use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String path = BundlePaths.SCREENSHOTS + name + ".png";
        return writeFile("screenshot", path, out -> out.write(png));
    }

    /** Copies the file into the bundle at the relative path, journals a {@code file} entry and returns the path. */
    public synchronized String addFile(String relativePath, Path source) {
        ensureRecording();
        return writeFile("file", checkedPath(relativePath), out -> {
            try (InputStream in = Files.newInputStream(source)) {
                in.transferTo(out);
            }
        });
    }

    /** Writes the bytes into the bundle at the relative path, journals a {@code file} entry and returns the path. */
    public synchronized String addFile(String relativePath, byte[] content) {
        ensureRecording();
        return writeFile("file", checkedPath(relativePath), out -> out.write(content));
    }

    /** Appends the event to {@code network.jsonl}. */
    public synchronized void recordNetwork(NetworkEvent event) {
        ensureRecording();
        network.record(event);
    }

    /**
     * Journals the sealing with the summary, then writes {@code report.html}, {@code manifest.json},
     * {@code manifest.sig} and the zip, and verifies the zip before returning it.
     *
     * @throws EvidenceException if writing fails, a file changed after it was recorded, or the sealed zip does not
     *     verify
     */
    public synchronized SealedBundle seal(Map<String, ?> summary) {
        ensureRecording();
        sealing = true;
        SealedBundle sealed = new BundleSealer(directory, info, key, journal, network, addedFiles).seal(summary);
        log.info("Evidence bundle {} sealed: {} journal entries, manifest SHA-256 {}, key {}", info.bundleId(),
                sealed.journalEntries(), sealed.manifestSha256(), sealed.keyId());
        return sealed;
    }

    /** Ends recording. A bundle closed without {@link #seal(Map)} has no manifest and does not verify. */
    @Override
    public synchronized void close() {
        if (!closed && !sealing) {
            log.warn("Evidence bundle {} in {} was closed without being sealed, so it has no manifest and will not verify",
                    info.bundleId(), directory);
        }
        closed = true;
    }

    private void ensureRecording() {
        if (sealing || closed) {
            throw new IllegalStateException("Evidence bundle " + info.bundleId() + " is already "
                    + (sealing ? "sealed" : "closed") + ", so nothing more can be recorded in it");
        }
    }

    private static String checkedPath(String relativePath) {
        if (!BundlePaths.isValid(relativePath) || BundlePaths.RESERVED.contains(relativePath)
                || relativePath.startsWith(BundlePaths.SCREENSHOTS)) {
            throw new IllegalArgumentException("Invalid bundle file path '" + relativePath + "': use segments of letters,"
                    + " digits, '.', '_' or '-' joined by '/', for example downloads/invoice.pdf, and none of "
                    + BundlePaths.RESERVED + " or screenshots/");
        }
        return relativePath;
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private String writeFile(String entryType, String path, Content content) {
        if (addedFiles.containsKey(path)) {
            throw new IllegalArgumentException("Bundle file " + path + " was already recorded; use a new name");
        }
        Path target = directory.resolve(path);
        MessageDigest digest = Digests.newSha256();
        long size;
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = new DigestOutputStream(
                    Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), digest)) {
                content.writeTo(out);
            }
            size = Files.size(target);
        } catch (IOException e) {
            deletePartial(target);
            throw new EvidenceException("Failed to write " + path + " into bundle " + info.bundleId() + ": " + e
                    + ". Check that the bundle folder exists and the disk is not full.", e);
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        addedFiles.put(path, new Manifest.FileEntry(path, sha256, size));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", path);
        data.put("sha256", sha256);
        data.put("size", size);
        journal.append(entryType, data);
        return path;
    }

    private static void deletePartial(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            log.warn("Failed to delete the partly written {}, so sealing will reject it as unexpected", target, e);
        }
    }
}
