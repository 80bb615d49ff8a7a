package dev.airlock.camunda.model;

import java.util.Map;

/**
 * Output of a completed browser task.
 *
 * @param status always {@code COMPLETED}: every other outcome ends with a BPMN error or a job failure
 * @param extracted values of the extract steps by output name
 * @param downloads files of the download steps by output name, as Camunda documents
 */
public record TaskResult(
    String status, Map<String, String> extracted, Map<String, DocumentReferenceVariable> downloads) {}
