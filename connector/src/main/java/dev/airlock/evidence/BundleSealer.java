package dev.airlock.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Seals a recorded bundle folder: checks that it contains exactly what was recorded, unchanged, then writes the
 * report, the manifest, its signature and the zip, and verifies the zip with the signing key.
 */
final class BundleSealer {

    private final Path directory;
    private final BundleInfo info;
    private final SigningKey key;
    private final JournalWriter journal;
    private final NetworkLog network;
    private final Map<String, Manifest.FileEntry> addedFiles;

    BundleSealer(Path directory, BundleInfo info, SigningKey key, JournalWriter journal, NetworkLog network,
            Map<String, Manifest.FileEntry> addedFiles) {
        this.directory = directory;
        this.info = info;
        this.key = key;
        this.journal = journal;
        this.network = network;
        this.addedFiles = addedFiles;
    }

    SealedBundle seal(Map<String, ?> summary) {
        Instant endedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> sealedData = new LinkedHashMap<>();
        sealedData.put("endedAt", endedAt);
        sealedData.put("summary", summary == null ? Map.of() : summary);
        journal.append(JournalCrossCheck.SEALED, sealedData);

        Map<String, Manifest.FileEntry> files = checkRecordedFiles();
        byte[] report = ReportWriter.render(new ReportWriter.Contents(info, endedAt, key.keyId(), journal.chainHead(),
                summary == null ? Map.of() : summary, journal.entries(), network.blocked(), network.origins(),
                List.copyOf(files.values())));
        write(ReportWriter.FILE, report);
        files.put(ReportWriter.FILE, new Manifest.FileEntry(ReportWriter.FILE, Digests.sha256Hex(report), report.length));

        Manifest manifest = new Manifest(info.bundleId(), Manifest.FORMAT_VERSION, info.identityId(),
                info.containmentLevel(), info.startedAt(), endedAt, List.copyOf(files.values()),
                new Manifest.JournalHead(JournalWriter.FILE, journal.chainHead(), journal.entries().size()),
                new Manifest.Signer(SigningKey.ALGORITHM, key.keyId(), key.publicKeyBase64()));
        byte[] manifestBytes = manifest.toJson();
        String signature = Base64.getEncoder().encodeToString(key.sign(manifestBytes));
        write(Manifest.FILE, manifestBytes);
        write(Manifest.SIGNATURE_FILE, (signature + "\n").getBytes(StandardCharsets.US_ASCII));

        Path zip = writeZip(files, endedAt);
        VerificationResult check = BundleVerifier.verify(zip, key.publicKey());
        if (!check.valid()) {
            throw new EvidenceException("Sealed bundle " + info.bundleId() + " failed its own verification: "
                    + check.firstProblem() + ". Something changed the bundle folder while it was being sealed.");
        }
        return new SealedBundle(info.bundleId(), zip, directory, Digests.sha256Hex(manifestBytes), signature,
                key.keyId(), journal.chainHead(), journal.entries().size());
    }

    /**
     * Returns the journal, the network journal and every added file, hashed from disk, after checking that each
     * still has the hash it was recorded with and that the folder contains nothing else.
     */
    private Map<String, Manifest.FileEntry> checkRecordedFiles() {
        Map<String, Manifest.FileEntry> files = new TreeMap<>();
        files.put(JournalWriter.FILE, hashOnDisk(JournalWriter.FILE));
        files.put(NetworkLog.FILE, hashOnDisk(NetworkLog.FILE));
        if (files.get(JournalWriter.FILE).size() != journal.length()) {
            throw new EvidenceException(JournalWriter.FILE + " of bundle " + info.bundleId()
                    + " changed outside the recorder; the bundle was not sealed.");
        }
        for (Manifest.FileEntry recorded : addedFiles.values()) {
            Manifest.FileEntry onDisk = hashOnDisk(recorded.path());
            if (!onDisk.equals(recorded)) {
                throw new EvidenceException(recorded.path() + " of bundle " + info.bundleId()
                        + " changed after it was recorded; the bundle was not sealed.");
            }
            files.put(recorded.path(), onDisk);
        }
        Set<String> unexpected = new TreeSet<>(listFolder());
        unexpected.removeAll(files.keySet());
        if (!unexpected.isEmpty()) {
            throw new EvidenceException("Bundle folder " + directory + " contains files the recorder did not write: "
                    + unexpected + ". The bundle was not sealed; record files only through the evidence recorder.");
        }
        return files;
    }

    private Manifest.FileEntry hashOnDisk(String path) {
        Path file = directory.resolve(path);
        try {
            return new Manifest.FileEntry(path, Digests.sha256Hex(file), Files.size(file));
        } catch (IOException e) {
            throw new EvidenceException("Failed to read " + path + " of bundle " + info.bundleId() + ": " + e, e);
        }
    }

    private List<String> listFolder() {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(path -> !Files.isDirectory(path))
                    .forEach(path -> paths.add(directory.relativize(path).toString().replace('\\', '/')));
        } catch (IOException | UncheckedIOException e) {
            throw new EvidenceException("Failed to list bundle folder " + directory + ": " + e, e);
        }
        return paths;
    }

    private void write(String path, byte[] bytes) {
        try {
            Files.write(directory.resolve(path), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new EvidenceException("Failed to write " + path + " of bundle " + info.bundleId() + ": " + e
                    + ". Check that the bundle folder exists and the disk is not full.", e);
        }
    }

    private Path writeZip(Map<String, Manifest.FileEntry> files, Instant endedAt) {
        List<String> paths = new ArrayList<>(List.of(Manifest.FILE, Manifest.SIGNATURE_FILE));
        paths.addAll(files.keySet());
        Path zip = BundleZip.zipPathOf(directory);
        try {
            BundleZip.write(directory, paths, endedAt, zip);
        } catch (IOException e) {
            throw new EvidenceException("Failed to write bundle zip " + zip + ": " + e, e);
        }
        return zip;
    }
}
