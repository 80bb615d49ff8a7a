package dev.airlock.camunda.model;

import java.util.List;

/**
 * Value the connector returns for a completed task. The element template's default result
 * expression stores each component as its own process variable ({@code airlockResult}, {@code
 * airlockEvidence}, {@code airlockDocuments}); the documents are a top-level list because Operate
 * previews a variable only when it is a document reference or a list of them.
 *
 * @param result status, extracted values and downloads
 * @param evidence summary of the sealed evidence bundle
 * @param documents every document uploaded for this task: bundle zip, report, screenshots, downloads
 */
public record BrowserTaskResult(
    TaskResult result, EvidenceSummary evidence, List<DocumentReferenceVariable> documents) {}
