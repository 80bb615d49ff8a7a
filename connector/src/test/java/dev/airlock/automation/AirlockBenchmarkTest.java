package dev.airlock.automation;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.airlock.evidence.SigningKey;
import dev.airlock.examples.demoapp.DemoApp;
import dev.airlock.policy.ApprovalVerifier;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.sandbox.SandboxConfig;
import dev.airlock.sandbox.SandboxManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the sandbox and runner figures recorded in docs/benchmarks.md. Run with
 * {@code ./mvnw -pl connector test -Dairlock.excludedGroups= -Dgroups=benchmark -Dtest=AirlockBenchmarkTest}.
 */
@Tag("benchmark")
class AirlockBenchmarkTest {

    private static final int ROUNDS = 5;

    @TempDir
    static Path workRoot;
    @TempDir
    Path bundles;

    static DemoApp app;
    static String base;
    static SandboxManager sandboxes;

    @BeforeAll
    static void start() {
        app = DemoApp.start();
        base = app.baseUrl().toString().replaceAll("/$", "");
        sandboxes = new SandboxManager(SandboxConfig.defaults().withWorkRoot(workRoot));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Runs the ten steps as a Playwright program would write them. */
    private static void tenSteps(Page page, Consumer<Page> afterEachStep) {
        List<Consumer<Page>> steps = List.of(
                p -> p.navigate(base + "/login"),
                p -> p.getByLabel("Username").fill("demo"),
                p -> p.getByLabel("Password").fill("demo-password"),
                p -> p.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click(),
                p -> p.waitForURL("**/invoices"),
                p -> p.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("INV-1001").setExact(true)).click(),
                p -> p.getByTestId("invoice-total").innerText(),
                p -> p.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to invoices")).click(),
                p -> p.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("INV-1002").setExact(true)).click(),
                p -> p.getByTestId("invoice-total").innerText());
        for (Consumer<Page> step : steps) {
            step.accept(page);
            afterEachStep.accept(page);
        }
    }

    /** Returns the same ten steps as an Airlock task, whose start URL is the first step. */
    private static BrowserTask tenStepTask() {
        return TaskJson.parse("""
                {"taskId": "bench", "startUrl": "%1$s/login", "allowedOrigins": ["%1$s"], "credentials": {"password": "demo-password"},
                 "identityId": "agent-1", "evidence": {"screenshots": true, "trace": true, "video": false},
                 "steps": [
                   {"action": "fill", "target": {"label": "Username"}, "value": "demo"},
                   {"action": "fill", "target": {"label": "Password"}, "value": {"secret": "password"}},
                   {"action": "click", "target": {"role": "button", "name": "Log in"}},
                   {"action": "waitFor", "url": "**/invoices"},
                   {"action": "click", "target": {"role": "link", "name": "INV-1001", "exact": true}},
                   {"action": "extract", "target": {"testId": "invoice-total"}, "output": "first"},
                   {"action": "click", "target": {"role": "link", "name": "Back to invoices"}},
                   {"action": "click", "target": {"role": "link", "name": "INV-1002", "exact": true}},
                   {"action": "extract", "target": {"testId": "invoice-total"}, "output": "second"}
                 ]}
                """.formatted(base));
    }

    @Test
    void sandboxFigures() {
        List<Double> ready = new ArrayList<>();
        List<Double> teardown = new ArrayList<>();
        List<Double> peakRss = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            Sandbox sandbox = sandboxes.acquire();
            BrowserContext context = sandbox.browser().newContext();
            Page page = context.newPage();
            ready.add(millisSince(started));

            long[] peak = {rssKib(sandbox)};
            tenSteps(page, p -> peak[0] = Math.max(peak[0], rssKib(sandbox)));
            peakRss.add(peak[0] / 1024.0);

            long closing = System.nanoTime();
            sandbox.close();
            teardown.add(millisSince(closing));
        }
        System.out.printf("containment: %s%n", sandboxes.containment());
        System.out.printf("cold sandbox ready (display, driver, browser, context, page), ms: %s%n", summary(ready));
        System.out.printf("peak RSS of one sandbox's processes during the 10 steps, MiB: %s%n", summary(peakRss));
        System.out.printf("teardown (close and verify), ms: %s%n", summary(teardown));
    }

    @Test
    void tenStepTaskBarePlaywrightAgainstAirlock() throws IOException, InterruptedException {
        SigningKey key = SigningKey.generate();
        TaskRunner runner = new TaskRunner(sandboxes, key, RiskPolicy.defaults(), new ApprovalVerifier(key.publicKey()));
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x800x24").start();
        String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream())).readLine().trim();
        List<Double> bare = new ArrayList<>();
        List<Double> airlock = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                runBare(display);
                bare.add(millisSince(started));

                started = System.nanoTime();
                TaskOutcome outcome = runner.run(tenStepTask(), bundles.resolve("run-" + round));
                airlock.add(millisSince(started));
                if (!(outcome instanceof TaskOutcome.Completed)) {
                    throw new AssertionError("The benchmark task did not complete: " + outcome);
                }
            }
        } finally {
            xvfb.destroy();
            xvfb.waitFor();
        }
        System.out.printf("10-step task, bare Playwright (create, launch headed, steps, close), ms: %s%n", summary(bare));
        System.out.printf("10-step task, Airlock (sandbox, policy, screenshots, trace, sealed bundle, teardown), ms: %s%n", summary(airlock));
        System.out.printf("ratio of medians Airlock / bare: %.2f%n", median(airlock) / median(bare));
        printPhases(bundles.resolve("run-" + (ROUNDS - 1)).resolve("journal.jsonl"));
    }

    /** Prints how long the phases of one Airlock run took, from the times in its journal. */
    private static void printPhases(Path journal) throws IOException {
        Map<String, java.time.Instant> firstOfType = new java.util.LinkedHashMap<>();
        java.time.Instant lastStep = null;
        for (String line : Files.readAllLines(journal)) {
            com.fasterxml.jackson.databind.JsonNode entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            java.time.Instant time = java.time.Instant.parse(entry.get("time").asText());
            firstOfType.putIfAbsent(entry.get("type").asText(), time);
            if (entry.get("type").asText().equals("step-completed")) {
                lastStep = time;
            }
        }
        System.out.printf("phases of the last Airlock run, ms: sandbox start %d, context and start page %d, 9 steps %d,"
                        + " trace, teardown and seal %d%n",
                java.time.Duration.between(firstOfType.get("task-started"), firstOfType.get("sandbox-ready")).toMillis(),
                java.time.Duration.between(firstOfType.get("sandbox-ready"), firstOfType.get("start-page")).toMillis(),
                java.time.Duration.between(firstOfType.get("start-page"), lastStep).toMillis(),
                java.time.Duration.between(lastStep, firstOfType.get("bundle-sealed")).toMillis());
    }

    private static void runBare(String display) {
        Map<String, String> environment = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(environment))) {
            Map<String, String> browserEnvironment = new java.util.HashMap<>(System.getenv());
            browserEnvironment.put("DISPLAY", display);
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(SandboxConfig.defaults().browserExecutable()).setHeadless(false)
                    .setEnv(browserEnvironment).setArgs(List.of("--no-sandbox", "--disable-background-networking",
                            "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic")));
            Page page = browser.newContext().newPage();
            tenSteps(page, p -> { });
            browser.close();
        }
    }

    /** Returns the summed resident set size of the sandbox's processes; shared pages are counted once per process. */
    private static long rssKib(Sandbox sandbox) {
        long total = 0;
        for (long pid : sandbox.processIds()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // The process ended between listing and reading.
            }
        }
        return total;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String summary(List<Double> values) {
        return String.format("median %.0f, min %.0f, max %.0f (n=%d)", median(values), Collections.min(values),
                Collections.max(values), values.size());
    }
}
