package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.airlock.egress.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task 1 leaves state of every kind in its sandbox; task 2, in a new sandbox on the same site, finds none of it. */
class SandboxIsolationTest {

    @TempDir
    static Path workRoot;

    static LoopbackServer site;
    static SandboxManager manager;

    @BeforeAll
    static void startSite() {
        site = LoopbackServer.start()
                .serve("/state.html", new LoopbackServer.Response(200, "text/html", """
                        <a href="/report.txt">report</a>
                        """.getBytes(StandardCharsets.UTF_8), Map.of("Set-Cookie", "server-session=abc; Path=/; HttpOnly")))
                .serve("/check.html", LoopbackServer.Response.html("<p>check</p>"))
                .serve("/sw.js", LoopbackServer.Response.of("text/javascript",
                        "self.addEventListener('fetch', () => {});".getBytes(StandardCharsets.UTF_8), Map.of()))
                .serve("/report.txt", LoopbackServer.Response.of("text/plain", "report".getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Disposition", "attachment; filename=\"report.txt\"")));
        manager = new SandboxManager(SandboxConfig.defaults().withWorkRoot(workRoot));
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void secondSandboxFindsNothingOfTheFirst() throws IOException {
        Path firstDownload;
        try (Sandbox first = manager.acquire()) {
            BrowserContext context = first.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setAcceptDownloads(true));
            Page page = context.newPage();
            page.navigate(site.origin() + "/state.html");
            page.evaluate("""
                    async () => {
                      document.cookie = 'script-cookie=1; path=/';
                      localStorage.setItem('key', 'value');
                      await new Promise((resolve, reject) => {
                        const open = indexedDB.open('airlock-test', 1);
                        open.onupgradeneeded = () => open.result.createObjectStore('items');
                        open.onsuccess = () => {
                          const tx = open.result.transaction('items', 'readwrite');
                          tx.objectStore('items').put('value', 'key');
                          tx.oncomplete = resolve;
                        };
                        open.onerror = reject;
                      });
                      await navigator.serviceWorker.register('/sw.js');
                      await navigator.serviceWorker.ready;
                    }
                    """);
            Download download = page.waitForDownload(() -> page.click("a"));
            firstDownload = download.path();

            assertThat(state(page)).as("state set by task 1").isEqualTo(Map.of(
                    "cookie", "script-cookie=1", "localStorage", 1, "indexedDb", 1, "serviceWorkers", 1));
            assertThat(context.cookies()).hasSize(2);
            assertThat(firstDownload).exists().startsWith(first.downloadsFolder());
            context.close();
        }

        try (Sandbox second = manager.acquire()) {
            BrowserContext context = second.browser().newContext();
            assertThat(context.cookies()).as("cookies before any request").isEmpty();
            Page page = context.newPage();
            page.navigate(site.origin() + "/check.html");

            assertThat(state(page)).as("state seen by task 2").isEqualTo(Map.of(
                    "cookie", "", "localStorage", 0, "indexedDb", 0, "serviceWorkers", 0));
            assertThat(context.cookies()).isEmpty();
            assertThat(firstDownload).doesNotExist();
            try (Stream<Path> files = Files.list(second.downloadsFolder())) {
                assertThat(files).isEmpty();
            }
            context.close();
        }
    }

    @Test
    void namespacedBrowserSeesOnlyItsOwnFolder() throws IOException {
        Assumptions.assumeTrue(manager.containment() == ContainmentLevel.NAMESPACED,
                "bubblewrap cannot create namespaces on this host, so sandboxes use PROCESS containment");
        Path ownNamespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid"));
        Path otherSandbox = Files.createDirectory(workRoot.resolve("other-sandbox"));

        try (Sandbox sandbox = manager.acquire()) {
            List<SandboxProcesses.Marked> browsers = SandboxProcesses.of(sandbox.id()).stream()
                    .filter(process -> process.command().contains("chromium") && !process.command().contains("bwrap"))
                    .toList();

            assertThat(browsers).isNotEmpty();
            for (SandboxProcesses.Marked browser : browsers) {
                assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(browser.pid()), "ns", "pid")))
                        .as("PID namespace of " + browser.command()).isNotEqualTo(ownNamespace);
            }
            Path browserRoot = Path.of("/proc", Long.toString(browsers.get(0).pid()), "root");
            try (Stream<Path> seen = Files.list(browserRoot.resolve(workRoot.toString().substring(1)))) {
                assertThat(seen.map(path -> path.getFileName().toString()))
                        .as("work root as the browser sees it, next to " + otherSandbox)
                        .containsExactly(sandbox.id());
            }
        } finally {
            Files.delete(otherSandbox);
        }
    }

    @Test
    void hiddenPathIsEmptyForNamespacedBrowser() throws IOException {
        Assumptions.assumeTrue(manager.containment() == ContainmentLevel.NAMESPACED,
                "bubblewrap cannot create namespaces on this host, so sandboxes use PROCESS containment");
        Path keys = Files.createDirectories(Path.of("target", "hidden-keys").toAbsolutePath());
        Files.writeString(keys.resolve("signing-key.pem"), "not a real key");
        SandboxManager hiding = new SandboxManager(SandboxConfig.defaults().withWorkRoot(workRoot)
                .withHiddenPaths(List.of(keys)));

        try (Sandbox sandbox = hiding.acquire()) {
            long browser = SandboxProcesses.of(sandbox.id()).stream()
                    .filter(process -> process.command().contains("chromium") && !process.command().contains("bwrap"))
                    .findFirst().orElseThrow().pid();
            Path seen = Path.of("/proc", Long.toString(browser), "root", keys.toString().substring(1));

            assertThat(Files.exists(seen.resolve("signing-key.pem"))).as("key file as the browser sees it").isFalse();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Page page) {
        return (Map<String, Object>) page.evaluate("""
                async () => ({
                  cookie: document.cookie,
                  localStorage: localStorage.length,
                  indexedDb: (await indexedDB.databases()).length,
                  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length
                })
                """);
    }
}
