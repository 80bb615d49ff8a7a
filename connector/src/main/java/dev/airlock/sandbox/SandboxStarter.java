package dev.airlock.sandbox;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Starts the parts of one sandbox in order, and stops what already runs when a later part fails. */
final class SandboxStarter {

    private static final Object DRIVER_START_LOCK = new Object();
    private static final String PROFILE_ARGUMENT = "--user-data-dir=";

    private final SandboxConfig config;
    private final ContainmentLevel containment;
    private final Map<String, String> driverEnvironment;

    SandboxStarter(SandboxConfig config, ContainmentLevel containment, Map<String, String> driverEnvironment) {
        this.config = config;
        this.containment = containment;
        this.driverEnvironment = driverEnvironment;
    }

    Sandbox start(String id) {
        SandboxFolders folders = SandboxFolders.create(config.workRoot(), id);
        Map<String, String> markers = Map.of(SandboxProcesses.SANDBOX_ID, id,
                SandboxProcesses.SANDBOX_OWNER, SandboxProcesses.currentOwner());
        OwnerRecord owner = new OwnerRecord(folders.ownerFile());
        owner.write(markers.get(SandboxProcesses.SANDBOX_OWNER), 0, null);

        XvfbDisplay display = null;
        Playwright playwright = null;
        long driverPid = 0;
        try {
            display = XvfbDisplay.start(folders.root().resolve("xauthority"), config.screen(), markers);
            synchronized (DRIVER_START_LOCK) {
                Set<Long> before = childPids();
                playwright = Playwright.create(new Playwright.CreateOptions().setEnv(driverEnvironment));
                driverPid = findDriverPid(before);
            }
            owner.write(markers.get(SandboxProcesses.SANDBOX_OWNER), driverPid, null);
            Browser browser = playwright.chromium().launch(launchOptions(folders, display, markers));
            Path profile = findProfile(id);
            owner.write(markers.get(SandboxProcesses.SANDBOX_OWNER), driverPid, profile);
            return new Sandbox(id, containment, folders, display, playwright, driverPid, browser, profile);
        } catch (RuntimeException e) {
            abandon(id, folders, display, playwright, driverPid);
            if (e instanceof SandboxException) {
                throw e;
            }
            throw new SandboxException("Failed to start sandbox " + id + " with browser " + config.browserExecutable()
                    + ": " + e.getMessage(), e);
        }
    }

    private BrowserType.LaunchOptions launchOptions(SandboxFolders folders, XvfbDisplay display, Map<String, String> markers) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        // The browser needs none of the runtime's secrets, which a compromised renderer could read from its environment.
        environment.keySet().removeIf(SandboxStarter::looksSecret);
        environment.putAll(markers);
        environment.put("DISPLAY", display.display());
        environment.put("XAUTHORITY", display.authority().toString());
        environment.put("HOME", folders.home().toString());
        environment.put("TMPDIR", folders.tmp().toString());
        environment.put("XDG_CONFIG_HOME", folders.home().resolve(".config").toString());
        environment.put("XDG_CACHE_HOME", folders.home().resolve(".cache").toString());

        Path executable = containment == ContainmentLevel.NAMESPACED
                ? Bubblewrap.writeWrapper(folders.root().resolve("chromium-bwrap.sh"), config.browserExecutable(), folders.root(),
                        config.hiddenPaths())
                : config.browserExecutable();
        return new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(false)
                .setEnv(environment)
                .setDownloadsPath(folders.downloads())
                .setTracesDir(folders.traces())
                .setArgs(chromiumArguments());
    }

    private List<String> chromiumArguments() {
        List<String> arguments = new ArrayList<>(List.of("--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic", "--no-default-browser-check",
                "--disable-breakpad", "--password-store=basic", "--use-mock-keychain",
                // WebRTC traffic bypasses page-level routing; with no proxy this leaves it no UDP path.
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp"));
        if (runsAsRoot()) {
            // Chromium refuses to start its own sandbox as root.
            arguments.add("--no-sandbox");
        }
        if (config.hostResolverRules() != null) {
            arguments.add("--host-resolver-rules=" + config.hostResolverRules());
        }
        return arguments;
    }

    private static boolean runsAsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(line -> line.startsWith("Uid:") && line.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static long findDriverPid(Set<Long> before) {
        return ProcessHandle.current().children()
                .filter(child -> !before.contains(child.pid()))
                .filter(child -> child.info().commandLine().map(line -> line.contains("run-driver")).orElse(true))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new SandboxException("Playwright started but its driver process was not found among this JVM's child processes; check that nothing else reaps them"));
    }

    private static Path findProfile(String id) {
        for (SandboxProcesses.Marked process : SandboxProcesses.of(id)) {
            for (String part : process.command().split(" ")) {
                if (part.startsWith(PROFILE_ARGUMENT)) {
                    return Path.of(part.substring(PROFILE_ARGUMENT.length()));
                }
            }
        }
        return null;
    }

    private static void abandon(String id, SandboxFolders folders, XvfbDisplay display, Playwright playwright, long driverPid) {
        if (playwright != null) {
            try {
                playwright.close();
            } catch (PlaywrightException ignored) {
                // The driver is killed below when it did not exit.
            }
        }
        if (driverPid > 0) {
            SandboxProcesses.kill(driverPid);
        }
        if (display != null) {
            display.close();
        }
        SandboxProcesses.of(id).forEach(process -> SandboxProcesses.kill(process.pid()));
        try {
            SandboxFolders.deleteRecursively(folders.root());
        } catch (IOException ignored) {
            // cleanupLeftovers removes it at the next start.
        }
    }

    private static boolean looksSecret(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("AIRLOCK_SECRET_") || upper.contains("SECRET") || upper.contains("PASSWORD")
                || upper.contains("TOKEN") || upper.contains("CREDENTIAL") || upper.endsWith("_KEY");
    }
}
