package dev.airlock.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips a sealed bundle folder: one entry per file, by bundle-relative path, in the order given. */
final class BundleZip {

    /** Extensions of formats that are compressed already, so deflating them again only costs time. */
    private static final Set<String> STORED_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webm", "zip", "gz");

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
                Path file = bundleDirectory.resolve(path);
                ZipEntry entry = new ZipEntry(path);
                entry.setTime(time.toEpochMilli());
                if (STORED_EXTENSIONS.contains(extension(path))) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(Files.size(file));
                    entry.setCrc(crc32(file));
                }
                zipOut.putNextEntry(entry);
                Files.copy(file, zipOut);
                zipOut.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                crc.update(buffer, 0, read);
            }
        }
        return crc.getValue();
    }
}
