package dev.airlock.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the processes that belong to sandboxes by scanning {@code /proc}. Every process a sandbox starts inherits two
 * environment variables, {@link #SANDBOX_ID} and {@link #SANDBOX_OWNER}, so its processes can be found without trusting
 * parent links, which break when Chromium re-parents its helpers or runs in its own PID namespace.
 */
final class SandboxProcesses {

    /** Environment variable carrying the sandbox id. */
    static final String SANDBOX_ID = "AIRLOCK_SANDBOX_ID";
    /** Environment variable naming the JVM that owns the sandbox as {@code pid:starttime}. */
    static final String SANDBOX_OWNER = "AIRLOCK_SANDBOX_OWNER";

    private static final Path PROC = Path.of("/proc");

    /** A live process marked with a sandbox id. */
    record Marked(long pid, String sandboxId, String owner, String command) {
    }

    private SandboxProcesses() {
    }

    /** Returns every live, non-zombie process carrying a sandbox marker. */
    static List<Marked> scan() {
        List<Marked> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, entry -> entry.getFileName().toString().matches("\\d+"))) {
            for (Path entry : entries) {
                readMarked(entry).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new SandboxException("Failed to list /proc while looking for sandbox processes: " + e.getMessage(), e);
        }
        return found;
    }

    /** Returns the live processes of one sandbox. */
    static List<Marked> of(String sandboxId) {
        return scan().stream().filter(process -> process.sandboxId().equals(sandboxId)).toList();
    }

    /** Returns this JVM's owner marker, {@code pid:starttime}, which stays unique even when the PID is reused later. */
    static String currentOwner() {
        long pid = ProcessHandle.current().pid();
        return pid + ":" + startTime(pid).orElse("0");
    }

    /** Tells whether the JVM named by an owner marker is still running. */
    static boolean ownerAlive(String owner) {
        String[] parts = owner.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("\\d+")) {
            return false;
        }
        return startTime(Long.parseLong(parts[0])).map(parts[1]::equals).orElse(false);
    }

    /** Tells whether a process exists and has not exited; a zombie, which only waits to be reaped, has exited. */
    static boolean isRunning(long pid) {
        try {
            Path processDir = PROC.resolve(Long.toString(pid));
            return !isZombie(processDir);
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends SIGKILL to a process; a process that is already gone is ignored. */
    static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static Optional<Marked> readMarked(Path processDir) {
        try {
            if (isZombie(processDir)) {
                return Optional.empty();
            }
            String sandboxId = null;
            String owner = null;
            for (String variable : new String(Files.readAllBytes(processDir.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
                if (variable.startsWith(SANDBOX_ID + "=")) {
                    sandboxId = variable.substring(SANDBOX_ID.length() + 1);
                } else if (variable.startsWith(SANDBOX_OWNER + "=")) {
                    owner = variable.substring(SANDBOX_OWNER.length() + 1);
                }
            }
            if (sandboxId == null) {
                return Optional.empty();
            }
            String command = new String(Files.readAllBytes(processDir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').trim();
            long pid = Long.parseLong(processDir.getFileName().toString());
            return Optional.of(new Marked(pid, sandboxId, owner == null ? "" : owner, command));
        } catch (IOException | SecurityException e) {
            // The process ended while it was read, or belongs to a user whose environment is not readable.
            return Optional.empty();
        }
    }

    private static boolean isZombie(Path processDir) throws IOException {
        String stat = Files.readString(processDir.resolve("stat"));
        int afterName = stat.lastIndexOf(')');
        char state = afterName > 0 && stat.length() > afterName + 2 ? stat.charAt(afterName + 2) : '?';
        return state == 'Z' || state == 'X';
    }

    private static Optional<String> startTime(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Field 22 of /proc/PID/stat is the start time; fields[0] here is field 3 (state).
            return Optional.of(fields[19]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
