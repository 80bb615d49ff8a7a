package dev.airlock.camunda;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Airlock browser task connector that belong to the operator, not the designer.
 *
 * @param evidenceDirectory folder in which each task's evidence bundle folder and zip are written
 * @param maxTotalTimeout largest total timeout a task may request. Keep it below the connector
 *     runtime's job timeout, so that no job is handed to a second worker while the first still runs.
 * @param clock time source for identity expiry and evidence timestamps
 */
public record AirlockConnectorSettings(Path evidenceDirectory, Duration maxTotalTimeout, Clock clock) {

  public AirlockConnectorSettings {
    Objects.requireNonNull(evidenceDirectory, "evidenceDirectory");
    Objects.requireNonNull(maxTotalTimeout, "maxTotalTimeout");
    Objects.requireNonNull(clock, "clock");
    if (maxTotalTimeout.isNegative() || maxTotalTimeout.isZero()) {
      throw new IllegalArgumentException("maxTotalTimeout must be positive, got " + maxTotalTimeout);
    }
  }
}
