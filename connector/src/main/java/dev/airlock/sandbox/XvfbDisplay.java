package dev.airlock.sandbox;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Xvfb server. Xvfb chooses a free display number itself ({@code -displayfd}), which avoids races between
 * sandboxes started at the same time, and accepts only clients that present the cookie in this sandbox's
 * Xauthority file.
 */
final class XvfbDisplay implements AutoCloseable {

    private static final int FAMILY_WILD = 0xFFFF;
    private static final long START_TIMEOUT_SECONDS = 10;

    private final Process process;
    private final int number;
    private final Path authority;

    private XvfbDisplay(Process process, int number, Path authority) {
        this.process = process;
        this.number = number;
        this.authority = authority;
    }

    /** Starts Xvfb with the marker variables in its environment and waits until it accepts clients. */
    static XvfbDisplay start(Path authority, String screen, Map<String, String> markers) {
        writeAuthority(authority);
        ProcessBuilder builder = new ProcessBuilder(List.of("Xvfb", "-displayfd", "1", "-auth", authority.toString(),
                "-nolisten", "tcp", "-screen", "0", screen, "-nocursor"));
        builder.environment().putAll(markers);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SandboxException("Failed to start Xvfb: " + e.getMessage() + ". Install it with 'apt-get install xvfb'.", e);
        }
        return new XvfbDisplay(process, readDisplayNumber(process), authority);
    }

    /** Returns the value for {@code DISPLAY}, for example {@code :3}. */
    String display() {
        return ":" + number;
    }

    Path authority() {
        return authority;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int readDisplayNumber(Process process) {
        // Xvfb writes the display number to the descriptor given to -displayfd once it accepts connections.
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        AtomicBoolean reported = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                return;
            }
            if (!reported.get()) {
                process.destroyForcibly();
            }
        });
        try {
            String line = reader.readLine();
            if (line == null || !line.trim().matches("\\d+")) {
                process.destroyForcibly();
                throw new SandboxException("Xvfb did not report a display number within " + START_TIMEOUT_SECONDS
                        + " s (exit value " + (process.isAlive() ? "none" : process.exitValue()) + "); run 'Xvfb -displayfd 1' by hand to see why.");
            }
            reported.set(true);
            return Integer.parseInt(line.trim());
        } catch (IOException e) {
            process.destroyForcibly();
            throw new SandboxException("Failed to read Xvfb's display number: " + e.getMessage(), e);
        } finally {
            watchdog.interrupt();
        }
    }

    /** Writes an Xauthority file with one MIT-MAGIC-COOKIE-1 entry valid for any display on this host. */
    private static void writeAuthority(Path authority) {
        byte[] cookie = new byte[16];
        new SecureRandom().nextBytes(cookie);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(FAMILY_WILD);
            writeField(out, new byte[0]);
            writeField(out, new byte[0]);
            writeField(out, "MIT-MAGIC-COOKIE-1".getBytes(StandardCharsets.US_ASCII));
            writeField(out, cookie);
            Files.write(authority, bytes.toByteArray());
        } catch (IOException e) {
            throw new SandboxException("Failed to write the Xauthority file " + authority + ": " + e.getMessage(), e);
        }
    }

    private static void writeField(DataOutputStream out, byte[] value) throws IOException {
        out.writeShort(value.length);
        out.write(value);
    }
}
