package dev.airlock.runtime.connector;

import dev.airlock.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of the Airlock connector in the runtime ({@code airlock.*}).
 *
 * @param identitiesFile JSON file that defines the agent identities tasks may run as
 * @param keysDirectory folder of the Ed25519 key that signs evidence manifests and approvals;
 *     created with a new key when missing
 * @param evidenceDirectory folder in which each task's evidence bundle is written
 * @param maxTotalTimeout largest total timeout a task may request; keep it below the job timeout
 *     of the connector runtime (5 minutes by default)
 * @param sandbox settings of the disposable browser sandboxes
 */
@ConfigurationProperties("airlock")
public record AirlockProperties(
    @DefaultValue(".airlock/identities.json") Path identitiesFile,
    @DefaultValue(".airlock/keys") Path keysDirectory,
    @DefaultValue(".airlock/evidence") Path evidenceDirectory,
    @DefaultValue("PT4M") Duration maxTotalTimeout,
    @DefaultValue Sandbox sandbox) {

  /**
   * Settings of the browser sandboxes.
   *
   * @param browserExecutable Chromium binary; Debian's Chromium when empty
   * @param workDirectory folder under which each sandbox gets its own HOME, profile and temp
   *     folders; empty for the default under the system temp folder
   * @param containment {@code AUTO} to use Linux namespaces (bubblewrap) where the host allows,
   *     {@code PROCESS} for process isolation only
   */
  public record Sandbox(
      Path browserExecutable,
      Path workDirectory,
      @DefaultValue("AUTO") SandboxConfig.ContainmentRequest containment) {}
}
