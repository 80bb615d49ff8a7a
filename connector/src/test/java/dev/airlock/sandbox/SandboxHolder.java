package dev.airlock.sandbox;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link SandboxTeardownTest}: acquires a sandbox under the given work root, opens a page, prints
 * {@code READY <sandbox id>} and waits to be killed.
 */
public final class SandboxHolder {

    private SandboxHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxManager manager = new SandboxManager(SandboxConfig.defaults().withWorkRoot(Path.of(args[0])));
        Sandbox sandbox = manager.acquire();
        Page page = sandbox.browser().newContext().newPage();
        page.setContent("<h1>task in progress</h1>");
        System.out.println("READY " + sandbox.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
