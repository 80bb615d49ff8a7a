package dev.airlock.camunda.model;

/**
 * Summary of a sealed evidence bundle, stored as a process variable so that an auditor can find
 * and verify the bundle from the process history. Instants are ISO-8601 strings.
 *
 * @param bundleId id of the bundle, as in its manifest
 * @param manifestSha256 SHA-256 (hex) of the bundle's manifest.json
 * @param signature Ed25519 signature of manifest.json (base64, as in manifest.sig)
 * @param keyId id of the signing key
 * @param chainHead hash of the journal's last entry
 * @param journalEntries number of journal entries
 * @param identityId agent identity the task ran as
 * @param containmentLevel how strongly the sandbox was isolated
 * @param stepCount number of steps in the request
 * @param startedAt when the task started, as recorded in the manifest
 * @param endedAt when the task ended, as recorded in the manifest
 * @param bundle the bundle zip as a Camunda document
 */
public record EvidenceSummary(
    String bundleId,
    String manifestSha256,
    String signature,
    String keyId,
    String chainHead,
    int journalEntries,
    String identityId,
    String containmentLevel,
    int stepCount,
    String startedAt,
    String endedAt,
    DocumentReferenceVariable bundle) {}
