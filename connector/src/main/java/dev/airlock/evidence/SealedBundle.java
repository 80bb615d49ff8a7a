package dev.airlock.evidence;

import java.nio.file.Path;

/**
 * A sealed evidence bundle: its folder, its zip and what a reader needs to trust it.
 *
 * @param bundleId the bundle's id from {@link BundleInfo}
 * @param zip the zip of the bundle folder, next to it as {@code <folder>.zip}
 * @param directory the bundle folder
 * @param manifestSha256 SHA-256 hex of the exact bytes of {@code manifest.json}
 * @param signature base64 of the Ed25519 signature over {@code manifest.json}, as stored in {@code manifest.sig}
 * @param keyId id of the signing key, see {@link SigningKey#keyId()}
 * @param chainHead hash of the last journal entry
 * @param journalEntries number of journal entries
 */
public record SealedBundle(String bundleId, Path zip, Path directory, String manifestSha256, String signature,
        String keyId, String chainHead, int journalEntries) {
}
