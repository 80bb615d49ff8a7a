package dev.airlock.engine.engine;

/** A command the engine rejected without changing any state; the message says why and what to do. */
public class EngineException extends RuntimeException {

  /** Why the command was rejected; the REST API maps each reason to a status code. */
  public enum Reason {
    INVALID_ARGUMENT,
    NOT_FOUND,
    INVALID_STATE
  }

  private final Reason reason;

  public EngineException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static EngineException notFound(String message) {
    return new EngineException(Reason.NOT_FOUND, message);
  }

  public static EngineException invalidState(String message) {
    return new EngineException(Reason.INVALID_STATE, message);
  }

  public static EngineException invalidArgument(String message) {
    return new EngineException(Reason.INVALID_ARGUMENT, message);
  }
}
