package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.ElementDef.Mapping;
import dev.airlock.engine.feel.Feel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates input and output mappings. As in a FEEL context, a later mapping sees the targets of
 * earlier ones. A target with dots ({@code a.b}) sets a nested property, keeping the other
 * properties of the existing variable.
 */
final class Mappings {

  /** The mapped variables, or why a source could not be evaluated. */
  sealed interface Outcome {
    record Mapped(Map<String, Object> variables) implements Outcome {}

    record Failed(String message) implements Outcome {}
  }

  private final Feel feel;

  Mappings(Feel feel) {
    this.feel = feel;
  }

  Outcome evaluate(List<Mapping> mappings, Map<String, Object> context) {
    var scope = new HashMap<>(context);
    var result = new LinkedHashMap<String, Object>();
    for (var mapping : mappings) {
      var evaluated = feel.evaluateProperty(mapping.source(), scope);
      if (evaluated instanceof Feel.Result.Failure failure) {
        return new Outcome.Failed(
            "Failed to evaluate the source '" + mapping.source() + "' of the mapping to '"
                + mapping.target() + "': " + failure.message());
      }
      var value = ((Feel.Result.Value) evaluated).value();
      var path = mapping.target().split("\\.");
      var root = path[0];
      var rootValue = path.length == 1 ? value : nest(scope.get(root), path, 1, value);
      result.put(root, rootValue);
      scope.put(root, rootValue);
    }
    return new Outcome.Mapped(result);
  }

  @SuppressWarnings("unchecked")
  private static Object nest(Object existing, String[] path, int index, Object value) {
    var map =
        existing instanceof Map<?, ?> existingMap
            ? new LinkedHashMap<>((Map<String, Object>) existingMap)
            : new LinkedHashMap<String, Object>();
    var key = path[index];
    map.put(key, index == path.length - 1 ? value : nest(map.get(key), path, index + 1, value));
    return map;
  }
}
