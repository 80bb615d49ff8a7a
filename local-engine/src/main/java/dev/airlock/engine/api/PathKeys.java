package dev.airlock.engine.api;

import dev.airlock.engine.engine.EngineException;

/** Parses keys given as text in paths, bodies and filters. */
final class PathKeys {

  private PathKeys() {}

  static long parse(String value, String name) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw EngineException.invalidArgument(
          "The " + name + " '" + value + "' is not a valid key; keys are positive integers");
    }
  }

  static Long parseOptional(String value, String name) {
    return value == null || value.isBlank() ? null : parse(value, name);
  }
}
