package dev.airlock.automation;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Tracing;
import dev.airlock.evidence.EvidenceRecorder;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Ends a run's browser: saves the trace and video into the bundle, closes the context properly (so the video keeps
 * the last actions, even after a failure), then closes the sandbox and journals whether its teardown was clean.
 */
final class BrowserShutdown {

    private final BrowserTask task;
    private final EvidenceRecorder recorder;
    private final Logger log;

    BrowserShutdown(BrowserTask task, EvidenceRecorder recorder, Logger log) {
        this.task = task;
        this.recorder = recorder;
        this.log = log;
    }

    /** Returns the run's failure, or the first failure of the shutdown when the run had none. */
    RuntimeException finish(Sandbox sandbox, BrowserContext context, Page page, RuntimeException failure) {
        try {
            if (context != null) {
                saveTrace(sandbox, context);
                Path video = task.evidence().video() && page != null && page.video() != null ? page.video().path() : null;
                context.close();
                if (video != null && Files.exists(video)) {
                    recorder.addFile("video.webm", video);
                }
            }
        } catch (RuntimeException | IOException e) {
            log.warn("Task {}: failed to save the trace or video", task.taskId(), e);
            if (failure == null) {
                failure = e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("failed to save the trace: " + e.getMessage(), e);
            }
        } finally {
            failure = closeSandbox(sandbox, failure);
        }
        return failure;
    }

    private void saveTrace(Sandbox sandbox, BrowserContext context) throws IOException {
        if (!task.evidence().trace()) {
            return;
        }
        Path trace = sandbox.scratchFolder().resolve("trace.zip");
        context.tracing().stop(new Tracing.StopOptions().setPath(trace));
        if (task.credentials().isEmpty()) {
            recorder.addFile("trace.zip", trace);
        } else {
            recorder.addFile("trace.zip", new TraceRedactor(task.credentials().values()).redact(trace));
        }
    }

    private RuntimeException closeSandbox(Sandbox sandbox, RuntimeException failure) {
        try {
            sandbox.close();
            recorder.append("sandbox-closed", Map.of("sandboxId", sandbox.id(), "clean", true));
        } catch (SandboxException e) {
            log.error("Task {}: sandbox {} teardown was not clean", task.taskId(), sandbox.id(), e);
            recorder.append("sandbox-closed", Map.of("sandboxId", sandbox.id(), "clean", false,
                    "problems", String.valueOf(e.getMessage())));
        }
        return failure;
    }
}
