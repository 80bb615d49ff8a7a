package dev.airlock.automation;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import dev.airlock.egress.EgressGuard;
import dev.airlock.egress.OriginAllowlist;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.evidence.EvidenceRecorder;
import dev.airlock.evidence.NetworkEvent;
import dev.airlock.evidence.Redactor;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.sandbox.SandboxException;
import dev.airlock.sandbox.SandboxManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One task run, from sandbox start to the sealed bundle. Used once, on one thread. */
final class TaskRun {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRun.class);

    private final BrowserTask task;
    private final OriginAllowlist allowlist;
    private final EvidenceRecorder recorder;
    private final Redactor redactor;
    private final StepGate gate;
    private final Instant deadline;
    private final Map<String, String> extracted = new LinkedHashMap<>();
    private final Map<String, DownloadedFile> downloads = new LinkedHashMap<>();
    private final PageCamera camera;
    private BrowserContext context;
    private Page page;
    private EgressGuard guard;
    private ActivationGate activation;

    TaskRun(BrowserTask task, OriginAllowlist allowlist, EvidenceRecorder recorder, StepGate gate, Instant deadline) {
        this.task = task;
        this.allowlist = allowlist;
        this.recorder = recorder;
        this.redactor = new Redactor(secretForms(task.credentials().values()));
        this.camera = new PageCamera(recorder);
        this.gate = gate;
        this.deadline = deadline;
    }

    /** A step that failed, with its index. */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int index;

        StepFailure(int index, RuntimeException cause) {
            super(cause);
            this.index = index;
        }
    }

    TaskOutcome execute(SandboxManager sandboxes) {
        recorder.append("task-started", TaskSummary.started(task));
        Sandbox sandbox;
        try {
            sandbox = sandboxes.acquire();
        } catch (SandboxException e) {
            recorder.append("task-failed", Map.of("stage", "sandbox", "error", redactor.redact(String.valueOf(e.getMessage()))));
            recorder.seal(Map.of("status", "FAILED", "error", "sandbox did not start"));
            throw e;
        }

        StepGate.Stop stop = null;
        RuntimeException failure = null;
        int failedStep = -1;
        boolean shutDown = false;
        try {
            try {
                openContext(sandbox);
                stop = runSteps();
            } catch (StepFailure e) {
                failure = (RuntimeException) e.getCause();
                failedStep = e.index;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (failure != null) {
                recordFailure(failedStep, failure);
            }
            shutDown = true;
            failure = new BrowserShutdown(task, recorder, LOG).finish(sandbox, context, page, failure);
        } finally {
            if (!shutDown) {
                // An Error such as OutOfMemoryError skipped the orderly shutdown; the sandbox must still go.
                sandbox.close();
            }
        }
        int blocked = guard == null ? 0 : guard.blockedCount();
        return new OutcomeSealer(task, recorder, redactor).seal(stop, failure, failedStep, extracted, downloads, blocked);
    }

    private void openContext(Sandbox sandbox) {
        recorder.append("sandbox-ready", Map.of("sandboxId", sandbox.id(), "containment", sandbox.containment().name(),
                "display", sandbox.display()));
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setAcceptDownloads(true)
                .setServiceWorkers(ServiceWorkerPolicy.ALLOW)
                .setViewportSize(1280, 720);
        if (task.evidence().video()) {
            options.setRecordVideoDir(sandbox.videoFolder()).setRecordVideoSize(1280, 720);
        }
        context = sandbox.browser().newContext(options);
        guard = new EgressGuard(allowlist, event -> recorder.recordNetwork(redacted(event)), task.taskId());
        guard.install(context);
        activation = new ActivationGate(context, RiskPolicy.HIGH_RISK_NAMES);
        if (task.evidence().trace()) {
            // The trace keeps DOM snapshots but no screencast: the journal has its own screenshots, the screencast
            // costs a core while the task runs, and its frames would show secrets typed into plain text fields.
            context.tracing().start(new Tracing.StartOptions().setScreenshots(false).setSnapshots(true).setSources(false)
                    .setTitle(task.taskId()));
        }
        context.onPage(opened -> recorder.append("page-opened", Map.of("url", opened.url())));
        page = context.newPage();
        camera.watch(page);
        page.navigate(task.startUrl(), new Page.NavigateOptions().setTimeout(remainingMillis(null)));
        checkJournal();
        recorder.append("start-page", Map.of("url", page.url()));
    }

    private StepGate.Stop runSteps() {
        ActionResolver resolver = new ActionResolver(task, allowlist);
        StepExecutor executor = new StepExecutor(task, resolver, recorder, extracted, downloads);
        List<Step> steps = task.steps();
        for (int index = 0; index < steps.size(); index++) {
            Step step = steps.get(index);
            try {
                double timeout = remainingMillis(step.timeout());
                ActionResolver.Resolved resolved = resolver.resolve(index, step, page, timeout, gate.needsTargetNames(step));
                String checkpointName = String.format("step-%02d-checkpoint", index);
                StepGate.Stop stop = gate.decide(index, step, resolved, () -> screenshot(checkpointName));
                if (stop != null) {
                    return stop;
                }
                stop = runGated(index, step, executor, timeout);
                if (stop != null) {
                    return stop;
                }
            } catch (RuntimeException e) {
                throw new StepFailure(index, e);
            }
        }
        return null;
    }

    /** Returns each secret as typed and as a query string or form body carries it. */
    private static List<String> secretForms(java.util.Collection<String> secrets) {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            forms.add(secret);
            String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
            forms.add(encoded);
            forms.add(encoded.replace("+", "%20"));
        }
        return forms;
    }

    /** Returns the network event with any typed secret in its URL replaced, for example in a GET form's query. */
    private NetworkEvent redacted(NetworkEvent event) {
        String url = redactor.redact(event.url());
        if (url.equals(event.url())) {
            return event;
        }
        return new NetworkEvent(event.time(), event.method(), url, event.scheme(), event.host(), event.port(),
                event.resourceType(), event.initiator() == null ? null : redactor.redact(event.initiator()),
                event.verdict(), event.reason(), event.status());
    }

    /** Runs a step with high-risk activations allowed only when it was approved. */
    private StepGate.Stop runGated(int index, Step step, StepExecutor executor, double timeout) {
        boolean approved = gate.lastStepApproved();
        activation.arm();
        if (approved) {
            activation.allow(true);
        }
        try {
            runStep(index, step, executor, timeout);
        } finally {
            if (approved) {
                activation.allow(false);
            }
        }
        List<String> blocked = activation.takeBlocked();
        return blocked.isEmpty() ? null : gate.blockedActivation(index, step, blocked.get(0));
    }

    private void runStep(int index, Step step, StepExecutor executor, double timeout) {
        if (task.evidence().screenshots() && step.acting()) {
            screenshot(String.format("step-%02d-before", index));
        }
        Map<String, Object> result = executor.execute(step, page, timeout);
        if (step instanceof Step.Fill fill && fill.value() instanceof InputValue.Secret) {
            camera.mask(fill.target().locate(page));
        }
        checkJournal();
        if (task.evidence().screenshots()) {
            result.put("screenshot", screenshot(String.format("step-%02d-after", index)));
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("step", index);
        entry.put("action", step.action());
        entry.putAll(result);
        recorder.append("step-completed", entry);
    }

    private String screenshot(String name) {
        return camera.take(page, name, remainingMillis(null));
    }

    private void checkJournal() {
        guard.journalFailure().ifPresent(e -> {
            throw new IllegalStateException("the network journal failed, so the task stops: " + e.getMessage(), e);
        });
    }

    /** Returns the step's timeout in milliseconds, cut to what is left of the task's total timeout. */
    private double remainingMillis(Duration stepTimeout) {
        long remaining = Duration.between(Instant.now(), deadline).toMillis();
        if (remaining <= 0) {
            throw new IllegalStateException("the task's total timeout of " + task.totalTimeout() + " has passed");
        }
        long step = (stepTimeout == null ? TaskRunner.DEFAULT_STEP_TIMEOUT : stepTimeout).toMillis();
        return Math.min(step, remaining);
    }

    private void recordFailure(int failedStep, RuntimeException failure) {
        String message = redactor.redact(OutcomeSealer.firstLine(failure.getMessage()));
        LOG.warn("Task {}: {} failed: {}", task.taskId(), failedStep < 0 ? "start" : "steps[" + failedStep + "]", message);
        try {
            recorder.append("task-failed", Map.of("step", failedStep, "error", failure.getClass().getSimpleName() + ": " + message));
            if (page != null && !page.isClosed() && task.evidence().screenshots()) {
                screenshot(failedStep < 0 ? "start-failed" : String.format("step-%02d-failed", failedStep));
            }
        } catch (RuntimeException e) {
            LOG.warn("Task {}: failed to record the failure screenshot", task.taskId(), e);
        }
    }
}
