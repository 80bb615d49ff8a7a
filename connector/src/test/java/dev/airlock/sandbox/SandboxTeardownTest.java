package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTeardownTest {

    @TempDir
    Path workRoot;

    @Test
    void fiftyCyclesLeaveNoProcessOrFolder() throws IOException, InterruptedException, ExecutionException {
        SandboxManager manager = new SandboxManager(SandboxConfig.defaults().withWorkRoot(workRoot));
        List<String> ids = new CopyOnWriteArrayList<>();
        List<Long> pids = new CopyOnWriteArrayList<>();
        Callable<Void> cycles = () -> {
            for (int cycle = 0; cycle < 25; cycle++) {
                try (Sandbox sandbox = manager.acquire()) {
                    ids.add(sandbox.id());
                    pids.addAll(sandbox.processIds());
                }
            }
            return null;
        };

        // Two threads, each with its own sandboxes, halve the time that the driver starts take on two cores.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (Future<Void> done : threads.invokeAll(List.of(cycles, cycles))) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(ids).doesNotHaveDuplicates().hasSize(50);
        assertThat(pids).as("Xvfb, Chromium and driver processes seen during the cycles").hasSizeGreaterThan(50 * 3);
        assertThat(pids).as("processes still alive").noneMatch(SandboxProcesses::isRunning);
        assertThat(SandboxProcesses.scan()).extracting(SandboxProcesses.Marked::sandboxId).doesNotContainAnyElementsOf(ids);
        assertThat(ProcessHandle.current().descendants()).as("child processes of this JVM").isEmpty();
        assertThat(sandboxFolders()).isEmpty();
    }

    @Test
    void closeFromAnotherThreadKillsEverything() throws Exception {
        SandboxManager manager = new SandboxManager(SandboxConfig.defaults().withWorkRoot(workRoot));
        Sandbox sandbox = manager.acquire();
        List<Long> pids = sandbox.processIds();

        Thread closer = new Thread(sandbox::close);
        closer.start();
        closer.join();

        assertThat(pids).noneMatch(SandboxProcesses::isRunning);
        assertThat(SandboxProcesses.of(sandbox.id())).isEmpty();
        assertThat(sandboxFolders()).isEmpty();
    }

    @Test
    void browserIsConfinedToTheAcquiringThread() throws Exception {
        SandboxManager manager = new SandboxManager(SandboxConfig.defaults().withWorkRoot(workRoot));
        try (Sandbox sandbox = manager.acquire()) {
            Throwable[] failure = new Throwable[1];
            Thread other = new Thread(() -> failure[0] = catchThrowable(sandbox::browser));
            other.start();
            other.join();

            assertThat(failure[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("confined to one thread");
        }
    }

    @Test
    void nextStartRemovesWhatAKilledJvmLeft() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SandboxHolder.class.getName(), workRoot.toString()).redirectErrorStream(true).start();
        String sandboxId = awaitReady(child);
        List<Long> leftPids = SandboxProcesses.of(sandboxId).stream().map(SandboxProcesses.Marked::pid).toList();
        assertThat(leftPids).as("processes of the sandbox in the child JVM").isNotEmpty();

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("exit value after SIGKILL").isEqualTo(137);
        assertThat(sandboxFolders()).as("folders left by the killed JVM").hasSize(1);

        int removed = new SandboxManager(SandboxConfig.defaults().withWorkRoot(workRoot)).cleanupLeftovers();

        await().atMost(Duration.ofSeconds(10)).until(() -> SandboxProcesses.of(sandboxId).isEmpty());
        assertThat(leftPids).noneMatch(SandboxProcesses::isRunning);
        assertThat(sandboxFolders()).isEmpty();
        assertThat(removed).as("removed by the explicit call; the constructor's own cleanup ran first").isZero();
    }

    private static String awaitReady(Process child) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> output = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("READY ")) {
                return line.substring("READY ".length()).trim();
            }
            output.add(line);
        }
        throw new AssertionError("The child JVM ended before its sandbox was ready; its output: " + String.join("\n", output));
    }

    private List<Path> sandboxFolders() throws IOException {
        try (Stream<Path> folders = Files.list(workRoot)) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith("sbx-")).toList();
        }
    }
}
