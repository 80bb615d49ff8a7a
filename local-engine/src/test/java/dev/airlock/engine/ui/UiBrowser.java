package dev.airlock.engine.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium, headless, driven by Playwright for Java. Every browser context it opens
 * lets requests reach the engine's origin only and aborts all others, and records what the
 * pages requested and reported, so a test can check that the UI stays on its origin.
 */
final class UiBrowser implements AutoCloseable {

  private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox",
      "--disable-background-networking", "--disable-component-update", "--no-first-run",
      "--disable-sync", "--disable-quic");

  private final Playwright playwright;
  private final Browser browser;

  UiBrowser() {
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium())
        .setHeadless(true)
        .setArgs(CHROMIUM_ARGS));
  }

  /** Returns the Chromium binary, preferring the one that skips Debian's wrapper script. */
  private static Path chromium() {
    var direct = Path.of("/usr/lib/chromium/chromium");
    return Files.isExecutable(direct) ? direct : Path.of("/usr/bin/chromium");
  }

  /** Opens a fresh context whose requests may reach only origin. */
  Session open(URI origin) {
    var context = browser.newContext(new Browser.NewContextOptions().setBaseURL(origin.toString()));
    var session = new Session(context, new CopyOnWriteArrayList<>(),
        new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    var prefix = origin.toString().replaceAll("/$", "") + "/";
    context.route("**/*", route -> {
      var url = route.request().url();
      session.requests().add(url);
      if (url.startsWith(prefix)) {
        route.resume();
      } else {
        route.abort("blockedbyclient");
      }
    });
    context.onPage(page -> {
      page.onPageError(session.pageErrors()::add);
      page.onConsoleMessage(message -> session.consoleMessages().add(message.text()));
    });
    return session;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  /**
   * A browser context with what its pages did: every request URL, uncaught script errors and
   * console messages.
   */
  record Session(BrowserContext context, List<String> requests, List<String> pageErrors,
      List<String> consoleMessages) implements AutoCloseable {

    @Override
    public void close() {
      context.close();
    }
  }
}
