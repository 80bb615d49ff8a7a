package dev.airlock.engine.bpmn;

/** A deployment resource the engine cannot run; the message names the resource and element. */
public class DeploymentRejectedException extends RuntimeException {

  public DeploymentRejectedException(String message) {
    super(message);
  }

  public DeploymentRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
