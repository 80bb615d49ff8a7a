package dev.airlock.camunda;

import java.util.List;

/**
 * BPMN error codes of the Airlock browser task. They are part of the public contract: processes
 * catch them with error boundary events, so renaming one breaks deployed processes.
 */
public final class AirlockErrorCodes {

  /** A high-risk action needs a person's approval; the task stopped before it. */
  public static final String CHECKPOINT = "AIRLOCK_CHECKPOINT";

  /** A person rejected the pending action. */
  public static final String REJECTED = "AIRLOCK_REJECTED";

  /** The risk policy denies a step; the task stopped before it. */
  public static final String POLICY_DENIED = "AIRLOCK_POLICY_DENIED";

  /** The agent identity is unknown, revoked or expired, or the request is outside its scope. */
  public static final String IDENTITY_INVALID = "AIRLOCK_IDENTITY_INVALID";

  public static final List<String> ALL = List.of(CHECKPOINT, REJECTED, POLICY_DENIED, IDENTITY_INVALID);

  /**
   * Default error expression of the element template. The connector runtime evaluates it with the
   * failure as {@code error} ({@code code}, {@code message}, {@code variables}); it turns each
   * Airlock error code into a BPMN error carrying the connector's error variables and leaves every
   * other failure to the job's retries.
   */
  public static final String DEFAULT_ERROR_EXPRESSION =
      "=if error != null and error.code != null and list contains([\""
          + String.join("\", \"", ALL)
          + "\"], error.code) then bpmnError(error.code, error.message, error.variables) else null";

  private AirlockErrorCodes() {}
}
