package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.ElementDef;
import dev.airlock.engine.bpmn.ProcessModel;
import dev.airlock.engine.feel.Feel;
import java.util.Map;

/**
 * Chooses the outgoing flow of an exclusive gateway: the first flow, in document order, whose
 * condition is true, else the default flow. A condition that fails or is not a boolean, or no
 * flow to take, is a failure that becomes an incident.
 */
final class GatewayChoice {

  /** The chosen flow, or why none could be chosen. */
  sealed interface Choice {
    record Flow(String flowId) implements Choice {}

    record Failed(String message) implements Choice {}
  }

  private final Feel feel;

  GatewayChoice(Feel feel) {
    this.feel = feel;
  }

  Choice choose(ProcessModel model, ElementDef gateway, Map<String, Object> variables) {
    var outgoing = gateway.outgoing();
    if (outgoing.size() == 1 && model.flow(outgoing.get(0)).condition() == null) {
      return new Choice.Flow(outgoing.get(0));
    }
    for (var flowId : outgoing) {
      var flow = model.flow(flowId);
      if (flowId.equals(gateway.defaultFlow()) || flow.condition() == null) {
        continue;
      }
      var result = feel.evaluate(flow.condition(), variables);
      if (result instanceof Feel.Result.Failure failure) {
        return new Choice.Failed(
            "Failed to evaluate the condition '" + flow.condition() + "' of sequence flow '"
                + flowId + "': " + failure.message());
      }
      var value = ((Feel.Result.Value) result).value();
      if (!(value instanceof Boolean)) {
        return new Choice.Failed(
            "Expected the condition '" + flow.condition() + "' of sequence flow '" + flowId
                + "' to return a boolean, but it returned " + value
                + "; set the variables it reads and resolve the incident");
      }
      if ((Boolean) value) {
        return new Choice.Flow(flowId);
      }
    }
    if (gateway.defaultFlow() != null) {
      return new Choice.Flow(gateway.defaultFlow());
    }
    return new Choice.Failed(
        "Expected at least one condition of exclusive gateway '" + gateway.id()
            + "' to be true, or a default flow, but no condition is true and the gateway has no"
            + " default flow");
  }
}
