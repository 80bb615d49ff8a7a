package dev.airlock.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips a sealed bundle folder: one entry per file, by bundle-relative path, in the order given. */
final class BundleZip {

    private BundleZip() {
    }

    /** Returns the zip's path for a bundle folder: {@code <folder>.zip} next to it. */
    static Path zipPathOf(Path bundleDirectory) {
        Path absolute = bundleDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".zip");
    }

    /** Writes the zip to a temporary file first and moves it into place, so a reader never sees half a zip. */
    static void write(Path bundleDirectory, List<String> paths, Instant time, Path zip) throws IOException {
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.setLevel(Deflater.BEST_SPEED);
            for (String path : paths) {
                ZipEntry entry = new ZipEntry(path);
                entry.setTime(time.toEpochMilli());
                zipOut.putNextEntry(entry);
                Files.copy(bundleDirectory.resolve(path), zipOut);
                zipOut.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE);
    }
}
