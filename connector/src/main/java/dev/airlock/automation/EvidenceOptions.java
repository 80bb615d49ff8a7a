package dev.airlock.automation;

/**
 * Evidence a task records besides the journal and the network log.
 *
 * @param screenshots before and after screenshots of each step
 * @param trace a Playwright trace as {@code trace.zip}
 * @param video a video of the page as {@code video.webm}
 */
public record EvidenceOptions(boolean screenshots, boolean trace, boolean video) {

    /** Returns screenshots and trace on, video off. */
    public static EvidenceOptions defaults() {
        return new EvidenceOptions(true, true, false);
    }
}
