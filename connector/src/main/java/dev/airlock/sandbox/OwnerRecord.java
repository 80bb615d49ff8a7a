package dev.airlock.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The owner file of a sandbox folder: which JVM owns it, its Playwright driver and Chromium profile folder. */
final class OwnerRecord {

    private final Path file;

    OwnerRecord(Path file) {
        this.file = file;
    }

    void write(String owner, long driverPid, Path profile) {
        Properties properties = new Properties();
        properties.setProperty("owner", owner);
        properties.setProperty("driverPid", Long.toString(driverPid));
        if (profile != null) {
            properties.setProperty("profile", profile.toString());
        }
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "Airlock sandbox owner; removed with the sandbox");
        } catch (IOException e) {
            throw new SandboxException("Failed to write the sandbox owner file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the stored properties, or empty properties when the file is missing or unreadable. */
    Properties read() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            // A sandbox that crashed while it was being created may have no owner file yet.
        }
        return properties;
    }
}
