package dev.airlock.engine.engine;

/** The incident error types the engine raises; names as in the Camunda 8 REST API. */
enum IncidentType {
  IO_MAPPING_ERROR,
  JOB_NO_RETRIES,
  CONDITION_ERROR,
  EXTRACT_VALUE_ERROR,
  UNHANDLED_ERROR_EVENT,
  FORM_NOT_FOUND
}
