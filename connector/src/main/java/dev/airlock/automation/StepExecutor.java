package dev.airlock.automation;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.airlock.evidence.Digests;
import dev.airlock.evidence.EvidenceRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs one step on a page and returns what the journal records about its result. */
final class StepExecutor {

    private final BrowserTask task;
    private final ActionResolver resolver;
    private final EvidenceRecorder recorder;
    private final Map<String, String> extracted;
    private final Map<String, DownloadedFile> downloads;

    StepExecutor(BrowserTask task, ActionResolver resolver, EvidenceRecorder recorder, Map<String, String> extracted,
            Map<String, DownloadedFile> downloads) {
        this.task = task;
        this.resolver = resolver;
        this.recorder = recorder;
        this.extracted = extracted;
        this.downloads = downloads;
    }

    Map<String, Object> execute(Step step, Page page, double timeout) {
        Map<String, Object> result = new LinkedHashMap<>();
        switch (step) {
            case Step.Goto go -> {
                com.microsoft.playwright.Response response = page.navigate(resolver.absoluteUrl(go.url()),
                        new Page.NavigateOptions().setTimeout(timeout));
                result.put("status", response == null ? null : response.status());
            }
            case Step.Click click -> locate(click.target(), page).click(new Locator.ClickOptions().setTimeout(timeout));
            case Step.Fill fill -> locate(fill.target(), page).fill(valueOf(fill.value()), new Locator.FillOptions().setTimeout(timeout));
            case Step.Select select -> result.put("selected", locate(select.target(), page)
                    .selectOption(valueOf(select.value()), new Locator.SelectOptionOptions().setTimeout(timeout)).size());
            case Step.Check check -> locate(check.target(), page).setChecked(check.checked(), new Locator.SetCheckedOptions().setTimeout(timeout));
            case Step.Press press -> press(press, page, timeout);
            case Step.WaitFor wait -> waitFor(wait, page, timeout);
            case Step.Extract extract -> result.put("value", extract(extract, page, timeout));
            case Step.Screenshot shot -> result.put("file", recorder.addScreenshot(shot.name(),
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(shot.fullPage()).setTimeout(timeout))));
            case Step.Download download -> result.put("file", download(download, page, timeout));
            case Step.Upload upload -> locate(upload.target(), page)
                    .setInputFiles(task.inputFiles().get(upload.input()), new Locator.SetInputFilesOptions().setTimeout(timeout));
            case Step.AssertVisible visible -> locate(visible.target(), page)
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(timeout));
        }
        result.put("url", page.url());
        return result;
    }

    private static Locator locate(Target target, Page page) {
        return target.locate(page);
    }

    private String valueOf(InputValue value) {
        return switch (value) {
            case InputValue.Literal literal -> literal.value();
            case InputValue.Secret secret -> task.credentials().get(secret.name());
        };
    }

    private static void press(Step.Press press, Page page, double timeout) {
        if (press.target() == null) {
            page.keyboard().press(press.key());
        } else {
            press.target().locate(page).press(press.key(), new Locator.PressOptions().setTimeout(timeout));
        }
    }

    private static void waitFor(Step.WaitFor wait, Page page, double timeout) {
        if (wait.target() != null) {
            wait.target().locate(page).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(timeout));
        } else if (wait.url() != null) {
            page.waitForURL(wait.url(), new Page.WaitForURLOptions().setTimeout(timeout));
        } else {
            page.getByText(wait.text()).first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(timeout));
        }
    }

    private String extract(Step.Extract extract, Page page, double timeout) {
        Locator locator = extract.target().locate(page);
        String value = extract.attribute() == null
                ? locator.innerText(new Locator.InnerTextOptions().setTimeout(timeout)).strip()
                : locator.getAttribute(extract.attribute(), new Locator.GetAttributeOptions().setTimeout(timeout));
        if (value == null) {
            throw new IllegalStateException("the target has no attribute '" + extract.attribute() + "' to extract into '"
                    + extract.output() + "'; check the attribute name or extract its text instead");
        }
        for (String secret : task.credentials().values()) {
            if (!secret.isEmpty() && value.contains(secret)) {
                throw new IllegalStateException("the value extracted into '" + extract.output() + "' contains a credential the"
                        + " task typed, so it is not stored; extract an element that does not show it");
            }
        }
        extracted.put(extract.output(), value);
        return value;
    }

    private String download(Step.Download step, Page page, double timeout) {
        Download download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(timeout),
                () -> step.target().locate(page).click(new Locator.ClickOptions().setTimeout(timeout)));
        Path file = download.path();
        String failure = download.failure();
        if (failure != null) {
            throw new IllegalStateException("download of " + download.url() + " failed: " + failure);
        }
        String fileName = safeFileName(download.suggestedFilename());
        String bundlePath = recorder.addFile("downloads/" + step.output() + "-" + fileName, file);
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("failed to read the size of the downloaded file " + file, e);
        }
        downloads.put(step.output(), new DownloadedFile(step.output(), download.suggestedFilename(), bundlePath,
                Digests.sha256Hex(file), size));
        return bundlePath;
    }

    private static String safeFileName(String suggested) {
        String name = suggested == null ? "" : suggested.replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceAll("^[._-]+", "");
        if (name.isEmpty()) {
            name = "download";
        }
        return name.length() > 80 ? name.substring(name.length() - 80) : name;
    }
}
