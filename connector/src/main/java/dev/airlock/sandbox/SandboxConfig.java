package dev.airlock.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link SandboxManager}.
 *
 * @param browserExecutable the Chromium binary Playwright launches
 * @param workRoot folder under which each sandbox gets its own folder, removed when the sandbox closes
 * @param containment {@link ContainmentRequest#AUTO} uses bubblewrap when it works on this host;
 *     {@link ContainmentRequest#PROCESS} never does
 * @param hostResolverRules Chromium {@code --host-resolver-rules}, or null to resolve names through the host. The
 *     default reaches only {@code localhost} and 127.0.0.0/8, so a page cannot reach another host unless the operator
 *     changes the rules
 * @param screen Xvfb screen geometry, for example {@code 1280x800x24}
 * @param hiddenPaths folders a namespaced browser must not read, such as the signing key's folder. Inside its mount
 *     namespace they are replaced by empty file systems
 */
public record SandboxConfig(Path browserExecutable, Path workRoot, ContainmentRequest containment,
        String hostResolverRules, String screen, List<Path> hiddenPaths) {

    /** Chromium as installed by the Debian package, without the shell wrapper that /usr/bin/chromium adds. */
    public static final Path DEBIAN_CHROMIUM = Path.of("/usr/lib/chromium/chromium");

    /**
     * Resolver rules that let Chromium reach only {@code localhost} and 127.0.0.0/8. Chromium applies {@code MAP *}
     * to address literals too, so the loopback addresses need their own exclusion.
     */
    public static final String LOOPBACK_ONLY_RESOLVER = "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.*";

    /** Containment the manager tries to give each sandbox. */
    public enum ContainmentRequest { AUTO, PROCESS }

    public SandboxConfig {
        Objects.requireNonNull(browserExecutable, "browserExecutable");
        Objects.requireNonNull(workRoot, "workRoot");
        Objects.requireNonNull(containment, "containment");
        Objects.requireNonNull(screen, "screen");
        hiddenPaths = hiddenPaths == null ? List.of() : List.copyOf(hiddenPaths);
        if (!screen.matches("\\d+x\\d+x\\d+")) {
            throw new IllegalArgumentException("screen '" + screen + "' is invalid; write WIDTHxHEIGHTxDEPTH, for example 1280x800x24");
        }
    }

    /**
     * Returns the defaults: Debian's Chromium (or {@code /usr/bin/chromium} when the unwrapped binary is missing),
     * {@code /tmp/airlock-sandboxes}, automatic containment, loopback-only name resolution and a 1280x800 screen.
     */
    public static SandboxConfig defaults() {
        Path browser = Files.isExecutable(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : Path.of("/usr/bin/chromium");
        return new SandboxConfig(browser, Path.of("/tmp/airlock-sandboxes"), ContainmentRequest.AUTO,
                LOOPBACK_ONLY_RESOLVER, "1280x800x24", List.of());
    }

    public SandboxConfig withWorkRoot(Path newWorkRoot) {
        return new SandboxConfig(browserExecutable, newWorkRoot, containment, hostResolverRules, screen, hiddenPaths);
    }

    public SandboxConfig withContainment(ContainmentRequest newContainment) {
        return new SandboxConfig(browserExecutable, workRoot, newContainment, hostResolverRules, screen, hiddenPaths);
    }

    public SandboxConfig withHostResolverRules(String newRules) {
        return new SandboxConfig(browserExecutable, workRoot, containment, newRules, screen, hiddenPaths);
    }

    public SandboxConfig withBrowserExecutable(Path newExecutable) {
        return new SandboxConfig(newExecutable, workRoot, containment, hostResolverRules, screen, hiddenPaths);
    }

    /** Returns the settings with {@code paths} hidden from a namespaced browser. */
    public SandboxConfig withHiddenPaths(List<Path> paths) {
        return new SandboxConfig(browserExecutable, workRoot, containment, hostResolverRules, screen, paths);
    }
}
