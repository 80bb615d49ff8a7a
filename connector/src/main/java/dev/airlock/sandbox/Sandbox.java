package dev.airlock.sandbox;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One disposable desktop sandbox: its own Xvfb display, Playwright driver, headed Chromium and folders. A sandbox is
 * used for one task and then closed.
 *
 * <p>NOTE: Playwright objects are confined to one thread. Use a sandbox, its browser and every context and page it
 * creates only from the thread that called {@link SandboxManager#acquire()}, and close it from that thread too.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final long EXIT_WAIT_MILLIS = 5_000;

    private final String id;
    private final ContainmentLevel containment;
    private final SandboxFolders folders;
    private final XvfbDisplay display;
    private final Playwright playwright;
    private final long driverPid;
    private final Browser browser;
    private final Path profile;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    Sandbox(String id, ContainmentLevel containment, SandboxFolders folders, XvfbDisplay display, Playwright playwright,
            long driverPid, Browser browser, Path profile) {
        this.id = id;
        this.containment = containment;
        this.folders = folders;
        this.display = display;
        this.playwright = playwright;
        this.driverPid = driverPid;
        this.browser = browser;
        this.profile = profile;
    }

    public String id() {
        return id;
    }

    public ContainmentLevel containment() {
        return containment;
    }

    /** Returns the X display of this sandbox, for example {@code :3}. */
    public String display() {
        return display.display();
    }

    /** Returns the headed Chromium of this sandbox; create one fresh context per task with {@link Browser#newContext}. */
    public Browser browser() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("Sandbox " + id + " was acquired on thread " + owner.getName()
                    + " and its browser may only be used there, because Playwright objects are confined to one thread");
        }
        return browser;
    }

    /** Returns the folder that receives accepted downloads before they are copied into evidence. */
    public Path downloadsFolder() {
        return folders.downloads();
    }

    /** Returns an empty folder for Playwright's video recording. */
    public Path videoFolder() {
        return folders.video();
    }

    /** Returns this sandbox's private scratch folder, deleted with the sandbox. */
    public Path scratchFolder() {
        return folders.tmp();
    }

    /** Returns the PIDs of every live process marked with this sandbox's id (Xvfb, Chromium and its helpers). */
    public List<Long> processIds() {
        List<Long> pids = new ArrayList<>(SandboxProcesses.of(id).stream().map(SandboxProcesses.Marked::pid).toList());
        if (ProcessHandle.of(driverPid).map(ProcessHandle::isAlive).orElse(false)) {
            pids.add(driverPid);
        }
        return pids;
    }

    /**
     * Ends every process this sandbox started, deletes its folders and checks both.
     *
     * <p>Called from a thread other than the one that acquired the sandbox, it cannot use Playwright and kills the
     * driver and browser processes instead.
     *
     * @throws SandboxException if a process had to be killed after the orderly shutdown, or a process or folder is
     *     still there afterwards
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<Long> knownPids = processIds();

        boolean orderly = Thread.currentThread() == owner;
        if (orderly) {
            closeQuietly("browser", browser::close, problems);
            closeQuietly("Playwright driver", playwright::close, problems);
        } else {
            // Playwright objects may only be used on the owner thread, so from any other thread the driver is
            // killed; the browser processes are killed below through their marker.
            LOG.warn("Sandbox {} closed from thread {} instead of {}; killing its driver", id,
                    Thread.currentThread().getName(), owner.getName());
            SandboxProcesses.kill(driverPid);
        }
        closeQuietly("Xvfb", display::close, problems);
        awaitExit(driverPid, problems, "Playwright driver");
        killSurvivors(orderly ? problems : new ArrayList<>());
        awaitExitOf(knownPids, problems);
        deleteFolders(problems);

        LOG.info("Sandbox {} closed in {} ms", id, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (!problems.isEmpty()) {
            throw new SandboxException("Sandbox " + id + " did not shut down cleanly: " + String.join("; ", problems));
        }
    }

    private void closeQuietly(String part, Runnable action, List<String> problems) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Sandbox {}: closing the {} failed", id, part, e);
            problems.add("closing the " + part + " failed: " + e.getMessage());
        }
    }

    private void awaitExit(long pid, List<String> problems, String part) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            try {
                handle.onExit().get(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
                problems.add(part + " (pid " + pid + ") did not exit and was killed");
            }
        });
    }

    private void killSurvivors(List<String> problems) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_WAIT_MILLIS);
        List<SandboxProcesses.Marked> alive = SandboxProcesses.of(id);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
            alive = SandboxProcesses.of(id);
        }
        for (SandboxProcesses.Marked process : alive) {
            SandboxProcesses.kill(process.pid());
            problems.add("process " + process.pid() + " (" + abbreviate(process.command()) + ") outlived the shutdown and was killed");
        }
        if (!alive.isEmpty()) {
            sleep(200);
            for (SandboxProcesses.Marked process : SandboxProcesses.of(id)) {
                problems.add("process " + process.pid() + " is still running after SIGKILL");
            }
        }
    }

    /**
     * Waits for processes seen before the shutdown. A process loses its readable environment while it exits, so
     * the marker scan alone can miss one that is still ending.
     */
    private void awaitExitOf(List<Long> pids, List<String> problems) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_WAIT_MILLIS);
        List<Long> running = pids.stream().filter(SandboxProcesses::isRunning).toList();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
            running = running.stream().filter(SandboxProcesses::isRunning).toList();
        }
        for (long pid : running) {
            SandboxProcesses.kill(pid);
            problems.add("process " + pid + " outlived the shutdown and was killed");
        }
    }

    private void deleteFolders(List<String> problems) {
        for (Path folder : profile == null ? List.of(folders.root()) : List.of(folders.root(), profile)) {
            try {
                SandboxFolders.deleteRecursively(folder);
            } catch (IOException e) {
                problems.add("failed to delete " + folder + ": " + e.getMessage());
            }
            if (Files.exists(folder)) {
                problems.add("folder " + folder + " still exists");
            }
        }
    }

    private static String abbreviate(String command) {
        return command.length() <= 80 ? command : command.substring(0, 80) + "...";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Sandbox[" + id + ", " + containment + ", display " + display.display() + "]";
    }
}
