package dev.airlock.egress;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocketRoute;
import dev.airlock.evidence.NetworkEvent;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Page-level egress control for one browser context. Every request of every page, frame, popup, service worker and
 * sub-resource passes through {@link BrowserContext#route}; requests to origins outside the allowlist are aborted and
 * every request is journalled as a {@link NetworkEvent}, the same record a forward proxy below the browser writes.
 *
 * <p>Playwright routes only the first URL of a redirect chain, and the browser follows the rest unseen. So the guard
 * fetches each allowed request itself without following redirects, checks the {@code Location} of every 3xx, and
 * blocks a hop to a foreign origin. An allowed redirect of a document is handed back to the browser as a page that
 * refreshes to the target, so the next hop is a new, routed navigation. Redirects of sub-resources are followed by the
 * guard, hop by hop, and the final response is returned to the page.
 *
 * <p>NOTE: this is page-level control inside the browser, not a boundary the browser process cannot bypass.
 */
public final class EgressGuard {

    /**
     * Removes WebRTC and shared workers from every page and frame. WebRTC peer connections send UDP and TCP straight
     * from the browser's network stack, and a shared worker's connections are not routed, so page-level routing
     * neither intercepts nor journals either.
     */
    // TODO: a policy proxy below the browser, in the sandbox's own network namespace, would also cover WebRTC;
    // until it exists, WebRTC is switched off here and by a Chromium flag in SandboxStarter.
    static final String DISABLE_WEBRTC = """
            for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel',
                                'RTCIceCandidate', 'RTCSessionDescription', 'SharedWorker']) {
              try { delete globalThis[name]; } catch (e) {}
              try { Object.defineProperty(globalThis, name, {value: undefined, configurable: false}); } catch (e) {}
            }
            """;


    private static final Logger LOG = LoggerFactory.getLogger(EgressGuard.class);
    private static final String BLOCKED_ERROR = "blockedbyclient";

    private final OriginAllowlist allowlist;
    private final Consumer<NetworkEvent> journal;
    private final String taskId;
    private final AtomicInteger blocked = new AtomicInteger();
    private volatile RuntimeException journalFailure;

    /**
     * @param allowlist origins the browser may contact
     * @param journal receives one event per request; an exception it throws blocks that request and every later one
     * @param taskId id used in log lines
     */
    public EgressGuard(OriginAllowlist allowlist, Consumer<NetworkEvent> journal, String taskId) {
        this.allowlist = allowlist;
        this.journal = journal;
        this.taskId = taskId;
    }

    /** Routes every request and WebSocket of the context through this guard; call before the first page opens. */
    public void install(BrowserContext context) {
        context.addInitScript(DISABLE_WEBRTC);
        RedirectFollower redirects = new RedirectFollower(allowlist, this);
        context.route(url -> true, route -> handleSafely(route, redirects));
        context.routeWebSocket(url -> true, this::handleWebSocket);
        context.onPage(page -> page.onDownload(this::checkDownload));
    }

    /** Returns how many requests were blocked so far. */
    public int blockedCount() {
        return blocked.get();
    }

    /** Returns the first failure of the network journal, after which every request was blocked. */
    public Optional<RuntimeException> journalFailure() {
        return Optional.ofNullable(journalFailure);
    }

    /**
     * Handles a route. A Playwright failure, such as a request whose page closed meanwhile, aborts the request, so it
     * does not surface in whatever call the task thread makes next.
     */
    private void handleSafely(Route route, RedirectFollower redirects) {
        try {
            handle(route, redirects);
        } catch (PlaywrightException e) {
            LOG.debug("Task {}: routing {} failed: {}", taskId, route.request().url(), firstLine(e.getMessage()));
            try {
                route.abort("failed");
            } catch (PlaywrightException alreadyHandled) {
                // The route was completed or its page is gone; nothing is left to abort.
            }
        }
    }

    private void handle(Route route, RedirectFollower redirects) {
        Request request = route.request();
        String url = request.url();
        if (journalFailure != null) {
            route.abort(BLOCKED_ERROR);
            return;
        }
        Optional<String> entry = allowlist.matchingEntry(url);
        if (entry.isEmpty()) {
            block(request, url, "origin not on the allowlist");
            route.abort(BLOCKED_ERROR);
            return;
        }

        APIResponse response;
        try {
            response = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
        } catch (PlaywrightException e) {
            record(request, request.method(), url, NetworkEvent.ALLOWED, "allowed by " + entry.get() + "; request failed: "
                    + firstLine(e.getMessage()), null);
            route.abort("failed");
            return;
        }
        record(request, request.method(), url, NetworkEvent.ALLOWED, "allowed by " + entry.get(), response.status());
        if (journalFailure != null) {
            // The response may not reach the page unrecorded.
            route.abort(BLOCKED_ERROR);
            return;
        }
        redirects.complete(route, request, url, response);
    }

    private void handleWebSocket(WebSocketRoute webSocket) {
        String url = webSocket.url();
        if (journalFailure != null) {
            webSocket.close();
            return;
        }
        Optional<String> entry = allowlist.matchingEntry(url);
        if (entry.isEmpty()) {
            block(null, url, "origin not on the allowlist");
            webSocket.close();
            return;
        }
        record(null, "GET", url, NetworkEvent.ALLOWED, "allowed by " + entry.get(), null);
        webSocket.connectToServer();
    }

    /**
     * Cancels a download from an origin outside the allowlist. Chromium does not pass download requests through
     * Playwright's routing, so this runs after the request was sent, and the journal entry states that.
     *
     * <p>NOTE: the request of such a download reaches the server; only a boundary below the browser stops it.
     */
    private void checkDownload(Download download) {
        if (allowlist.allows(download.url())) {
            return;
        }
        blocked.incrementAndGet();
        LOG.warn("Task {}: cancelled a download from {}, outside the allowlist", taskId, download.url());
        record(null, "GET", download.url(), "download", NetworkEvent.BLOCKED,
                "download from an origin not on the allowlist; the request was sent, the download was cancelled", null);
        download.cancel();
    }

    void block(Request request, String url, String reason) {
        blocked.incrementAndGet();
        LOG.info("Task {}: blocked {} ({})", taskId, url, reason);
        record(request, request == null ? "GET" : request.method(), url, null, NetworkEvent.BLOCKED, reason, null);
    }

    void record(Request request, String method, String url, String verdict, String reason, Integer status) {
        record(request, method, url, null, verdict, reason, status);
    }

    private void record(Request request, String method, String url, String typeWithoutRequest, String verdict,
            String reason, Integer status) {
        Origin origin = Origin.of(url).orElse(new Origin("", "", 0));
        String resourceType = typeWithoutRequest == null ? "websocket" : typeWithoutRequest;
        if (request != null) {
            resourceType = request.resourceType();
        }
        String initiator = request == null ? null : request.headers().get("referer");
        NetworkEvent event = new NetworkEvent(java.time.Instant.now(), method, url, origin.scheme(), origin.host(),
                origin.port(), resourceType, initiator, verdict, reason, status);
        try {
            journal.accept(event);
        } catch (RuntimeException e) {
            if (journalFailure == null) {
                LOG.error("Task {}: failed to journal a network event; blocking every further request", taskId, e);
                journalFailure = e;
            }
        }
    }

    boolean journalFailed() {
        return journalFailure != null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
