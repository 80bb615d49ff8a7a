package dev.airlock.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates disposable sandboxes under one work root and removes what crashed JVMs left there. Creating a manager runs
 * {@link #cleanupLeftovers()} once.
 */
public final class SandboxManager {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxManager.class);
    private static final String SANDBOX_PREFIX = "sbx-";
    /** Folder that Playwright searches for its ffmpeg, the same for every manager because the driver's is. */
    private static final Path PLAYWRIGHT_BROWSERS = Path.of(System.getProperty("java.io.tmpdir"),
            "airlock-playwright-browsers-" + System.getProperty("user.name"));

    private final SandboxConfig config;
    private final ContainmentLevel containment;
    private final SandboxStarter starter;
    private final SecureRandom random = new SecureRandom();

    public SandboxManager(SandboxConfig config) {
        this.config = config;
        try {
            Files.createDirectories(config.workRoot());
        } catch (IOException e) {
            throw new SandboxException("Failed to create the sandbox work root " + config.workRoot() + ": " + e.getMessage(), e);
        }
        boolean namespaces = config.containment() == SandboxConfig.ContainmentRequest.AUTO && Bubblewrap.works();
        this.containment = namespaces ? ContainmentLevel.NAMESPACED : ContainmentLevel.PROCESS;
        this.starter = new SandboxStarter(config, containment, driverEnvironment());
        cleanupLeftovers();
        LOG.info("Sandbox manager ready: work root {}, containment {}, browser {}", config.workRoot(), containment,
                config.browserExecutable());
    }

    public SandboxConfig config() {
        return config;
    }

    /** Returns the containment level every sandbox of this manager gets. */
    public ContainmentLevel containment() {
        return containment;
    }

    /** Starts a fresh sandbox: display, Playwright driver and headed Chromium. */
    public Sandbox acquire() {
        // A temp cleaner may have removed the link since the last sandbox started.
        PlaywrightFfmpeg.link(PLAYWRIGHT_BROWSERS);
        String id = SANDBOX_PREFIX + HexFormat.of().formatHex(nextBytes());
        long started = System.nanoTime();
        Sandbox sandbox = starter.start(id);
        LOG.info("Sandbox {} ready on display {} in {} ms ({})", id, sandbox.display(),
                (System.nanoTime() - started) / 1_000_000, containment);
        return sandbox;
    }

    /**
     * Removes the folders and processes of sandboxes whose owning JVM is no longer running.
     *
     * @return the number of sandboxes removed
     */
    public int cleanupLeftovers() {
        int removed = 0;
        List<Long> killed = new ArrayList<>();
        for (SandboxProcesses.Marked process : SandboxProcesses.scan()) {
            if (!SandboxProcesses.ownerAlive(process.owner())) {
                LOG.info("Killing leftover process {} of sandbox {} ({})", process.pid(), process.sandboxId(), process.command());
                SandboxProcesses.kill(process.pid());
                killed.add(process.pid());
            }
        }
        awaitKilled(killed);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(config.workRoot(), SANDBOX_PREFIX + "*")) {
            for (Path folder : folders) {
                if (removeIfOrphaned(folder)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new SandboxException("Failed to list the sandbox work root " + config.workRoot() + ": " + e.getMessage(), e);
        }
        return removed;
    }

    private static void awaitKilled(List<Long> pids) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Long> running = pids;
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            running = running.stream().filter(SandboxProcesses::isRunning).toList();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!running.isEmpty()) {
            LOG.warn("Leftover sandbox processes {} still run 5 s after SIGKILL", running);
        }
    }

    private boolean removeIfOrphaned(Path folder) throws IOException {
        Properties owner = new OwnerRecord(folder.resolve(SandboxFolders.OWNER_FILE)).read();
        if (SandboxProcesses.ownerAlive(owner.getProperty("owner", ""))) {
            return false;
        }
        long driverPid = Long.parseLong(owner.getProperty("driverPid", "0"));
        if (driverPid > 0) {
            ProcessHandle.of(driverPid)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains("run-driver")).orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
        String profile = owner.getProperty("profile");
        if (profile != null) {
            SandboxFolders.deleteRecursively(Path.of(profile));
        }
        SandboxFolders.deleteRecursively(folder);
        LOG.info("Removed leftover sandbox folder {}", folder);
        return true;
    }

    private byte[] nextBytes() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * Returns the environment for the Playwright driver. The driver never downloads browsers, and finds Debian's
     * ffmpeg for video through a link in {@link #PLAYWRIGHT_BROWSERS}.
     *
     * <p>NOTE: Playwright for Java starts every driver of a JVM with the environment given to the first
     * {@code Playwright.create}. The folder is therefore the same for every manager of a JVM, but if other code
     * created a Playwright instance first, video recording may not find ffmpeg.
     */
    private static Map<String, String> driverEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        environment.put("PLAYWRIGHT_BROWSERS_PATH", PLAYWRIGHT_BROWSERS.toString());
        return environment;
    }
}
