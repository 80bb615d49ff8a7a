package dev.airlock.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The files of a bundle to verify, read from its folder or its zip, by path relative to the bundle root. */
abstract sealed class BundleSource implements AutoCloseable {

    /** Opens a folder or a zip file, rejecting entries that could point outside the bundle. */
    static BundleSource open(Path bundle) throws BundleProblem {
        if (Files.isDirectory(bundle)) {
            return new Folder(bundle);
        }
        if (Files.isRegularFile(bundle)) {
            return new Zip(bundle);
        }
        throw new BundleProblem("bundle: " + bundle + " is neither a folder nor a zip file");
    }

    /** Returns every regular file of the bundle, sorted by path. */
    abstract SortedSet<String> files();

    abstract InputStream open(String path) throws IOException;

    /** Reads a whole file, which must be at most {@code maxBytes} long. */
    byte[] read(String path, int maxBytes) throws BundleProblem {
        if (!files().contains(path)) {
            throw new BundleProblem(path + ": missing from the bundle");
        }
        try (InputStream in = open(path)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new BundleProblem(path + ": larger than the " + maxBytes + " bytes this verifier reads");
            }
            return bytes;
        } catch (IOException e) {
            throw new BundleProblem(path + ": failed to read: " + e);
        }
    }

    @Override
    public abstract void close();

    private static final class Folder extends BundleSource {

        private final Path root;
        private final Map<String, Path> files = new TreeMap<>();

        Folder(Path root) throws BundleProblem {
            this.root = root;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : (Iterable<Path>) walk::iterator) {
                    String relative = root.relativize(path).toString().replace('\\', '/');
                    if (Files.isSymbolicLink(path)) {
                        throw new BundleProblem(relative + ": a symbolic link, which a bundle must not contain");
                    }
                    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        files.put(relative, path);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw new BundleProblem("bundle: failed to list " + root + ": " + e);
            }
        }

        @Override
        SortedSet<String> files() {
            return new TreeSet<>(files.keySet());
        }

        @Override
        InputStream open(String path) throws IOException {
            return Files.newInputStream(files.get(path));
        }

        @Override
        public void close() {
            // Nothing stays open between reads of a folder.
        }

        @Override
        public String toString() {
            return root.toString();
        }
    }

    private static final class Zip extends BundleSource {

        private final ZipFile zip;
        private final Map<String, ZipEntry> entries = new TreeMap<>();

        Zip(Path file) throws BundleProblem {
            try {
                this.zip = new ZipFile(file.toFile());
            } catch (IOException e) {
                throw new BundleProblem("bundle: " + file + " is not a readable zip file: " + e.getMessage());
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!BundlePaths.isValid(entry.getName())) {
                    close();
                    throw new BundleProblem("zip entry '" + entry.getName() + "': not a valid bundle path");
                }
                if (entries.put(entry.getName(), entry) != null) {
                    close();
                    throw new BundleProblem(entry.getName() + ": appears twice in the zip");
                }
            }
        }

        @Override
        SortedSet<String> files() {
            return new TreeSet<>(entries.keySet());
        }

        @Override
        InputStream open(String path) throws IOException {
            return zip.getInputStream(entries.get(path));
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException e) {
                // Closing a zip opened only for reading loses no data.
            }
        }
    }
}
