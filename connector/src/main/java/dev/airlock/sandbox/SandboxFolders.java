package dev.airlock.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** The folders of one sandbox, all under {@code <workRoot>/<sandboxId>}. */
record SandboxFolders(Path root, Path home, Path tmp, Path downloads, Path traces, Path video) {

    /** File in the sandbox root that names the owning JVM, the Playwright driver and the browser profile. */
    static final String OWNER_FILE = "owner.properties";

    static SandboxFolders create(Path workRoot, String sandboxId) {
        Path root = workRoot.resolve(sandboxId);
        SandboxFolders folders = new SandboxFolders(root, root.resolve("home"), root.resolve("tmp"),
                root.resolve("downloads"), root.resolve("traces"), root.resolve("video"));
        try {
            Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (Path folder : new Path[] {folders.home, folders.tmp, folders.downloads, folders.traces, folders.video}) {
                Files.createDirectory(folder);
            }
            return folders;
        } catch (IOException e) {
            throw new SandboxException("Failed to create the sandbox folders under " + root + ": " + e.getMessage()
                    + ". Check that the work root exists and is writable.", e);
        }
    }

    Path ownerFile() {
        return root.resolve(OWNER_FILE);
    }

    /** Deletes a folder and everything below it; a folder that does not exist is ignored. */
    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                deleteIfPresent(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                deleteIfPresent(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfPresent(Path path) throws IOException {
        Files.deleteIfExists(path);
    }
}
