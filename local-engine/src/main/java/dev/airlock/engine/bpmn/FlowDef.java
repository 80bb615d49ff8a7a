package dev.airlock.engine.bpmn;

/** A sequence flow; {@code condition} is a FEEL expression or null. */
public record FlowDef(String id, String sourceId, String targetId, String condition) {}
