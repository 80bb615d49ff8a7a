package dev.airlock.engine.engine;

/** What resolving an incident retries. */
enum RetryStep {
  /** Make the element's job activatable again (it needs retries left). */
  JOB,
  /** Run the element's activation again: input mappings, then its behaviour. */
  ACTIVATE,
  /** Run the element's completion again: output mappings, then leaving it. */
  COMPLETE
}
