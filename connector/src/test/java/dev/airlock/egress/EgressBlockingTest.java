package dev.airlock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.airlock.evidence.NetworkEvent;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.sandbox.SandboxConfig;
import dev.airlock.sandbox.SandboxManager;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking in real Chromium under Xvfb. The allowed origin and the foreign one are two ports on 127.0.0.1; the
 * foreign one is also reached by the name {@code foreign.test}, which Chromium maps to 127.0.0.1.
 */
class EgressBlockingTest {

    /** Playwright for Java runs route handlers only while the test thread is inside a Playwright call, so waits pump. */
    private static final Page.WaitForConditionOptions WAIT = new Page.WaitForConditionOptions().setTimeout(20_000);

    @TempDir
    static Path workRoot;

    static LoopbackServer allowed;
    static LoopbackServer foreign;
    static Sandbox sandbox;

    List<NetworkEvent> journal = new CopyOnWriteArrayList<>();
    BrowserContext context;

    @BeforeAll
    static void startServersAndSandbox() {
        foreign = LoopbackServer.start();
        allowed = LoopbackServer.start();
        String foreignByPort = foreign.origin();
        String foreignByName = "http://foreign.test:" + foreign.port();
        allowed.serve("/page.html", LoopbackServer.Response.html("""
                        <h1>page</h1>
                        <img alt="remote" src="%1$s/pixel.png">
                        <img alt="inline" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                        <iframe title="remote" src="%2$s/frame.html"></iframe>
                        <iframe title="blank" src="about:blank"></iframe>
                        <script>window.open('%1$s/popup.html');</script>
                        """.formatted(foreignByPort, foreignByName)))
                .serve("/redirect-foreign", LoopbackServer.Response.redirect(foreignByPort + "/landing.html"))
                .serve("/redirect-same", LoopbackServer.Response.redirect("/hop"))
                .serve("/hop", LoopbackServer.Response.redirect("/landing.html"))
                .serve("/landing.html", LoopbackServer.Response.html("<p>landed</p>"))
                .serve("/sub.html", LoopbackServer.Response.html("<img alt=\"moved\" src=\"/moved.png\">"))
                .serve("/moved.png", LoopbackServer.Response.redirect(foreignByName + "/pixel.png"));
        allowed.serve("/worker.html", LoopbackServer.Response.html("<p>worker page</p>"))
                .serve("/worker.js", LoopbackServer.Response.of("text/javascript", """
                        self.addEventListener('install', () => self.skipWaiting());
                        self.addEventListener('message', event => event.waitUntil(fetch(event.data).catch(() => {})));
                        """.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of()));
        foreign.serve("/frame.html", LoopbackServer.Response.html("<p>foreign frame</p>"));

        SandboxConfig config = SandboxConfig.defaults().withWorkRoot(workRoot)
                .withHostResolverRules("MAP foreign.test 127.0.0.1, " + SandboxConfig.LOOPBACK_ONLY_RESOLVER);
        sandbox = new SandboxManager(config).acquire();
    }

    @AfterAll
    static void stopAll() {
        sandbox.close();
        allowed.close();
        foreign.close();
    }

    @BeforeEach
    void guardedContext() {
        foreign.clearRequests();
        context = sandbox.browser().newContext();
        new EgressGuard(OriginAllowlist.parse(List.of(allowed.origin())), journal::add, "egress-test").install(context);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private List<NetworkEvent> blocked() {
        return journal.stream().filter(NetworkEvent::blocked).toList();
    }

    @Test
    void foreignImageFrameAndPopupBlocked() {
        Page page = context.newPage();

        page.navigate(allowed.origin() + "/page.html");
        page.waitForCondition(() -> blocked().size() >= 3, WAIT);

        assertThat(blocked()).extracting(NetworkEvent::url).containsExactlyInAnyOrder(
                foreign.origin() + "/pixel.png",
                "http://foreign.test:" + foreign.port() + "/frame.html",
                foreign.origin() + "/popup.html");
        assertThat(blocked()).extracting(NetworkEvent::reason).containsOnly("origin not on the allowlist");
        assertThat(foreign.requests()).as("requests that reached the foreign server").isEmpty();
    }

    @Test
    void unroutedApisAreUnavailableInPages() {
        Page page = context.newPage();

        page.navigate(allowed.origin() + "/landing.html");
        page.setContent("<iframe srcdoc='<p>inner</p>'></iframe>");
        page.waitForCondition(() -> page.frames().size() == 2, WAIT);

        assertThat(page.evaluate("typeof RTCPeerConnection")).as("in the page").isEqualTo("undefined");
        assertThat(page.frames().get(1).evaluate("typeof RTCPeerConnection")).as("in a frame").isEqualTo("undefined");
        assertThat(page.evaluate("typeof webkitRTCPeerConnection")).isEqualTo("undefined");
        assertThat(page.evaluate("typeof SharedWorker")).as("shared workers, whose requests are not routed").isEqualTo("undefined");
    }

    @Test
    void aboutBlankAndDataUrlsAreNotBlocked() {
        Page page = context.newPage();

        page.navigate(allowed.origin() + "/page.html");
        page.waitForCondition(() -> blocked().size() >= 3, WAIT);

        assertThat(journal).extracting(NetworkEvent::url).noneMatch(url -> url.startsWith("about:") || url.startsWith("data:"));
        assertThat(page.frames()).extracting(frame -> frame.url()).contains("about:blank");
        assertThat(journal).filteredOn(event -> event.url().equals(allowed.origin() + "/page.html"))
                .extracting(NetworkEvent::verdict, NetworkEvent::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NetworkEvent.ALLOWED, 200));
    }

    @Test
    void redirectToAnotherOriginIsBlocked() {
        Page page = context.newPage();

        Throwable navigation = catchThrowable(() -> page.navigate(allowed.origin() + "/redirect-foreign"));

        assertThat(navigation).as("navigation aborted by the guard").isNotNull();
        assertThat(blocked()).singleElement().satisfies(event -> {
            assertThat(event.url()).isEqualTo(foreign.origin() + "/landing.html");
            assertThat(event.reason()).isEqualTo("redirect from " + allowed.origin() + "/redirect-foreign to an origin not on the allowlist");
            assertThat(event.port()).isEqualTo(foreign.port());
        });
        assertThat(foreign.requests()).isEmpty();
    }

    @Test
    void sameOriginRedirectsAreFollowed() {
        Page page = context.newPage();

        page.navigate(allowed.origin() + "/redirect-same");
        page.waitForURL("**/landing.html");

        assertThat(page.textContent("p")).isEqualTo("landed");
        assertThat(blocked()).isEmpty();
        assertThat(journal).extracting(NetworkEvent::status).contains(302, 302, 200);
    }

    @Test
    void subResourceRedirectToAnotherOriginIsBlocked() {
        Page page = context.newPage();

        page.navigate(allowed.origin() + "/sub.html");
        page.waitForCondition(() -> !blocked().isEmpty(), WAIT);

        assertThat(blocked()).singleElement().satisfies(event -> {
            assertThat(event.url()).isEqualTo("http://foreign.test:" + foreign.port() + "/pixel.png");
            assertThat(event.resourceType()).isEqualTo("image");
        });
        assertThat(foreign.requests()).isEmpty();
    }

    @Test
    void serviceWorkerRequestToAnotherOriginIsBlocked() {
        Page page = context.newPage();
        page.navigate(allowed.origin() + "/worker.html");

        page.evaluate("""
                async url => {
                  const registration = await navigator.serviceWorker.register('/worker.js');
                  await navigator.serviceWorker.ready;
                  registration.active.postMessage(url);
                }
                """, foreign.origin() + "/beacon");
        page.waitForCondition(() -> !blocked().isEmpty(), WAIT);

        assertThat(blocked()).singleElement().extracting(NetworkEvent::url).isEqualTo(foreign.origin() + "/beacon");
        assertThat(foreign.requests()).isEmpty();
    }

    @Test
    void journalFailureBlocksTheResponse() {
        try (BrowserContext failing = sandbox.browser().newContext()) {
            EgressGuard guard = new EgressGuard(OriginAllowlist.parse(List.of(allowed.origin())), event -> {
                throw new IllegalStateException("disk full");
            }, "egress-test");
            guard.install(failing);
            Page page = failing.newPage();

            Throwable navigation = catchThrowable(() -> page.navigate(allowed.origin() + "/landing.html"));

            assertThat(navigation).as("navigation whose journal entry failed").isNotNull();
            assertThat(guard.journalFailure()).get().extracting(Throwable::getMessage).isEqualTo("disk full");
        }
    }

    @Test
    void mappedNameReachesLoopbackWithoutTheGuard() {
        // Control for the tests above: the foreign server is reachable by name, so only the guard kept it unreached.
        try (BrowserContext unguarded = sandbox.browser().newContext()) {
            Page page = unguarded.newPage();

            page.navigate("http://foreign.test:" + foreign.port() + "/frame.html");

            assertThat(page.textContent("p")).isEqualTo("foreign frame");
        }
        assertThat(foreign.requests()).contains("/frame.html");
    }
}
