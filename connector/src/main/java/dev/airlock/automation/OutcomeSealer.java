package dev.airlock.automation;

import dev.airlock.evidence.EvidenceRecorder;
import dev.airlock.evidence.Redactor;
import dev.airlock.evidence.SealedBundle;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seals a run's bundle with a summary and turns the run's end into a {@link TaskOutcome} or an exception. */
final class OutcomeSealer {

    private final BrowserTask task;
    private final EvidenceRecorder recorder;
    private final Redactor redactor;

    OutcomeSealer(BrowserTask task, EvidenceRecorder recorder, Redactor redactor) {
        this.task = task;
        this.recorder = recorder;
        this.redactor = redactor;
    }

    /**
     * Seals the bundle and returns the outcome.
     *
     * @throws TaskFailedException if the run failed, or if sealing failed
     */
    TaskOutcome seal(StepGate.Stop stop, RuntimeException failure, int failedStep, Map<String, String> extracted,
            Map<String, DownloadedFile> downloads, int blockedRequests) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", status(stop, failure));
        summary.put("taskId", task.taskId());
        summary.put("steps", task.steps().size());
        summary.put("extracted", extracted.keySet());
        summary.put("downloads", downloads.keySet());
        summary.put("blockedRequests", blockedRequests);
        SealedBundle bundle;
        try {
            bundle = recorder.seal(summary);
        } catch (RuntimeException e) {
            RuntimeException cause = failure != null ? failure : e;
            throw new TaskFailedException("Task " + task.taskId() + " could not seal its evidence: " + firstLine(e.getMessage()),
                    failedStep, null, cause);
        }
        if (failure != null) {
            String where = "before the first step";
            if (failedStep >= 0) {
                where = "at steps[" + failedStep + "] (" + task.steps().get(failedStep).action() + ")";
            }
            throw new TaskFailedException("Task " + task.taskId() + " failed " + where + ": "
                    + redactor.redact(firstLine(failure.getMessage())) + ". The evidence is sealed in " + bundle.zip(),
                    failedStep, bundle, failure);
        }
        return switch (stop) {
            case null -> new TaskOutcome.Completed(Map.copyOf(extracted), Map.copyOf(downloads), bundle);
            case StepGate.Stop.Pending pending -> new TaskOutcome.CheckpointPending(pending.action(), bundle);
            case StepGate.Stop.Denied denied -> new TaskOutcome.PolicyDenied(denied.stepIndex(), denied.rule(), denied.reason(), bundle);
        };
    }

    private static String status(StepGate.Stop stop, RuntimeException failure) {
        if (failure != null) {
            return "FAILED";
        }
        return switch (stop) {
            case null -> "COMPLETED";
            case StepGate.Stop.Pending pending -> "CHECKPOINT";
            case StepGate.Stop.Denied denied -> "DENIED";
        };
    }

    /** Returns the first line of an error message; for Playwright's {@code Error { message='...'} form, its message line. */
    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int quoted = message.indexOf("message='");
        String text = quoted >= 0 ? message.substring(quoted + "message='".length()) : message;
        text = text.startsWith("Error: ") ? text.substring("Error: ".length()) : text;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
