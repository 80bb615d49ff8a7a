package dev.airlock.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * Identity of one evidence bundle, written into its first journal entry and its manifest.
 *
 * @param bundleId unique id of the bundle, for example the task id plus a random suffix
 * @param identityId the agent identity the task ran as
 * @param containmentLevel how strongly the sandbox was isolated, as named by the sandbox
 * @param startedAt when the task started
 */
public record BundleInfo(String bundleId, String identityId, String containmentLevel, Instant startedAt) {

    public BundleInfo {
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(containmentLevel, "containmentLevel");
        Objects.requireNonNull(startedAt, "startedAt");
        if (bundleId.isBlank()) {
            throw new IllegalArgumentException("Invalid bundleId: it is blank. Pass a unique id such as the task id.");
        }
    }
}
