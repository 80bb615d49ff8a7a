package dev.airlock.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.regex.Pattern;

/**
 * Verifies an evidence bundle, as a folder or a zip: the manifest signature, every file's SHA-256 and size, that no
 * file was added or removed, and the journal's hash chain against the manifest. Stops at the first problem.
 */
public final class BundleVerifier {

    private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    private static final int MAX_JOURNAL_BYTES = 256 * 1024 * 1024;
    private static final Pattern SIGNATURE_FILE = Pattern.compile("[A-Za-z0-9+/]{86}==\n");

    private final BundleSource source;
    private final PublicKey trustedKey;
    private final List<String> checked = new ArrayList<>();

    private BundleVerifier(BundleSource source, PublicKey trustedKey) {
        this.source = source;
        this.trustedKey = trustedKey;
    }

    /**
     * Verifies the bundle against the public key in its own manifest. This proves the bundle is intact since it was
     * signed, but not who signed it: use {@link #verify(Path, PublicKey)} with a key obtained another way for that.
     */
    public static VerificationResult verify(Path bundleZipOrDirectory) {
        return run(bundleZipOrDirectory, null);
    }

    /** Verifies the bundle and that its manifest is signed by the trusted key. */
    public static VerificationResult verify(Path bundleZipOrDirectory, PublicKey trustedKey) {
        return run(bundleZipOrDirectory, Objects.requireNonNull(trustedKey, "trustedKey"));
    }

    private static VerificationResult run(Path bundle, PublicKey trustedKey) {
        List<String> checked = List.of();
        try (BundleSource source = BundleSource.open(bundle)) {
            BundleVerifier verifier = new BundleVerifier(source, trustedKey);
            checked = verifier.checked;
            verifier.checkAll();
            return new VerificationResult(true, null, List.copyOf(checked));
        } catch (BundleProblem problem) {
            return new VerificationResult(false, problem.getMessage(), List.copyOf(checked));
        }
    }

    private void checkAll() throws BundleProblem {
        byte[] manifestBytes = source.read(Manifest.FILE, MAX_MANIFEST_BYTES);
        Manifest manifest = parseManifest(manifestBytes);
        checkSignature(manifest, manifestBytes);
        Map<String, Manifest.FileEntry> files = checkFiles(manifest);
        checkJournal(manifest, files);
    }

    private static Manifest parseManifest(byte[] bytes) throws BundleProblem {
        try {
            return Manifest.fromJson(CanonicalJson.parse(new String(bytes, StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw new BundleProblem(Manifest.FILE + ": invalid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(Manifest.FILE + ": " + e.getMessage());
        }
    }

    private void checkSignature(Manifest manifest, byte[] manifestBytes) throws BundleProblem {
        byte[] signature = readSignature();
        PublicKey manifestKey = manifestKey(manifest);
        String keyId = SigningKey.keyId(manifestKey);
        if (trustedKey != null && !Arrays.equals(trustedKey.getEncoded(), manifestKey.getEncoded())) {
            throw new BundleProblem(Manifest.FILE + ": signed by key " + keyId + ", not by the trusted key "
                    + SigningKey.keyId(trustedKey));
        }

        if (!SigningKey.verify(manifestKey, manifestBytes, signature)) {
            throw new BundleProblem(Manifest.SIGNATURE_FILE + ": the signature does not match " + Manifest.FILE
                    + " and key " + keyId + ", so one of them was altered");
        }
        checked.add(Manifest.SIGNATURE_FILE + ": Ed25519 signature over " + Manifest.FILE + " by key " + keyId
                + (trustedKey != null ? " (the trusted key)" : " (the manifest's own key, not compared with a trusted key)"));
    }

    /** Reads manifest.sig, which must be exactly the canonical base64 of 64 bytes and one newline. */
    private byte[] readSignature() throws BundleProblem {
        String text = new String(source.read(Manifest.SIGNATURE_FILE, 1024), StandardCharsets.ISO_8859_1);
        if (!SIGNATURE_FILE.matcher(text).matches()) {
            throw new BundleProblem(Manifest.SIGNATURE_FILE + ": not the base64 of a 64-byte Ed25519 signature"
                    + " followed by one newline");
        }

        String base64 = text.substring(0, text.length() - 1);
        byte[] signature = Base64.getDecoder().decode(base64);
        if (!Base64.getEncoder().encodeToString(signature).equals(base64)) {
            // The last base64 digit carries 2 unused bits that decoders ignore, so only the canonical text is accepted.
            throw new BundleProblem(Manifest.SIGNATURE_FILE + ": not canonical base64, so the file was altered");
        }
        return signature;
    }

    private static PublicKey manifestKey(Manifest manifest) throws BundleProblem {
        PublicKey key;
        try {
            key = SigningKey.decodePublicKey(manifest.signing().publicKey());
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(Manifest.FILE + ": signing.publicKey: " + e.getMessage());
        }

        String keyId = SigningKey.keyId(key);
        if (!SigningKey.ALGORITHM.equals(manifest.signing().algorithm()) || !keyId.equals(manifest.signing().keyId())) {
            throw new BundleProblem(Manifest.FILE + ": signing.keyId " + manifest.signing().keyId()
                    + " or algorithm " + manifest.signing().algorithm() + " does not match the Ed25519 public key "
                    + keyId);
        }
        return key;
    }

    private Map<String, Manifest.FileEntry> checkFiles(Manifest manifest) throws BundleProblem {
        Map<String, Manifest.FileEntry> listed = new HashMap<>();
        for (Manifest.FileEntry file : manifest.files()) {
            if (!BundlePaths.isValid(file.path()) || Manifest.FILE.equals(file.path())
                    || Manifest.SIGNATURE_FILE.equals(file.path()) || listed.put(file.path(), file) != null) {
                throw new BundleProblem(Manifest.FILE + ": file path '" + file.path() + "' is invalid or listed twice");
            }
        }
        SortedSet<String> present = source.files();
        for (Manifest.FileEntry file : manifest.files()) {
            if (!present.contains(file.path())) {
                throw new BundleProblem(file.path() + ": listed in " + Manifest.FILE + " but missing from the bundle");
            }
            checkFile(file);
        }
        for (String path : present) {
            if (!listed.containsKey(path) && !path.equals(Manifest.FILE) && !path.equals(Manifest.SIGNATURE_FILE)) {
                throw new BundleProblem(path + ": not listed in " + Manifest.FILE + ", so it was added after sealing");
            }
        }
        return listed;
    }

    private void checkFile(Manifest.FileEntry file) throws BundleProblem {
        String sha256;
        long size;
        try (InputStream in = source.open(file.path())) {
            CountingInputStream counting = new CountingInputStream(in);
            sha256 = Digests.sha256Hex(counting);
            size = counting.count();
        } catch (IOException e) {
            throw new BundleProblem(file.path() + ": failed to read: " + e);
        }
        if (!sha256.equals(file.sha256()) || size != file.size()) {
            throw new BundleProblem(file.path() + ": SHA-256 " + sha256 + " and size " + size + " do not match "
                    + Manifest.FILE + " (" + file.sha256() + ", " + file.size() + " bytes), so the file was altered");
        }
        checked.add(file.path() + ": SHA-256 " + sha256 + ", " + size + " bytes");
    }

    private void checkJournal(Manifest manifest, Map<String, Manifest.FileEntry> files) throws BundleProblem {
        Manifest.JournalHead head = manifest.journal();
        if (!JournalWriter.FILE.equals(head.path()) || !files.containsKey(JournalWriter.FILE)) {
            throw new BundleProblem(Manifest.FILE + ": journal.path must be " + JournalWriter.FILE
                    + " and listed among the files");
        }
        List<JournalEntry> entries = JournalChecker.check(source.read(JournalWriter.FILE, MAX_JOURNAL_BYTES));
        JournalEntry last = entries.get(entries.size() - 1);
        if (entries.size() != head.entries() || !last.hash().equals(head.chainHead())) {
            throw new BundleProblem(JournalWriter.FILE + ": " + entries.size() + " entries ending in " + last.hash()
                    + ", but " + Manifest.FILE + " records " + head.entries() + " ending in " + head.chainHead()
                    + ", so lines were removed or added");
        }
        JournalCrossCheck.check(entries, manifest, files);
        checked.add(JournalWriter.FILE + ": " + entries.size() + " entries, hash chain intact, head " + last.hash());
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            count += value >= 0 ? 1 : 0;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count += Math.max(read, 0);
            return read;
        }

        long count() {
            return count;
        }
    }
}
