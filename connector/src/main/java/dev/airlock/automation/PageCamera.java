package dev.airlock.automation;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.LoadState;
import dev.airlock.evidence.EvidenceRecorder;
import java.util.ArrayList;
import java.util.List;

/** Takes the run's screenshots into the bundle, with every field that received a secret masked. */
final class PageCamera {

    private static final int SCREENSHOT_ATTEMPTS = 3;

    private final EvidenceRecorder recorder;
    private final List<Locator> secretFields = new ArrayList<>();

    PageCamera(EvidenceRecorder recorder) {
        this.recorder = recorder;
    }

    /** Forgets the masked fields whenever the page's main frame navigates, because their document is gone. */
    void watch(Page page) {
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame()) {
                secretFields.clear();
            }
        });
    }

    /** Masks a field that received a secret in every later screenshot of its document. */
    void mask(Locator field) {
        secretFields.add(field);
    }

    /**
     * Takes a screenshot and adds it to the bundle. A navigation that replaces the document while the masks are
     * applied makes Playwright fail the screenshot, so it is retried on the new document.
     */
    String take(Page page, String name, double timeoutMillis) {
        for (int attempt = 1; ; attempt++) {
            try {
                page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(timeoutMillis));
                byte[] png = page.screenshot(new Page.ScreenshotOptions().setMask(secretFields).setTimeout(timeoutMillis));
                return recorder.addScreenshot(name, png);
            } catch (PlaywrightException e) {
                if (attempt >= SCREENSHOT_ATTEMPTS || !retryable(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Tells whether a screenshot failure is transient: a navigation replaced the document, or headed Chromium had
     * not painted a frame yet.
     */
    private static boolean retryable(PlaywrightException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("context was destroyed") || message.contains("Unable to capture screenshot");
    }
}
