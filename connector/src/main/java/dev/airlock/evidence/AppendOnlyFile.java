package dev.airlock.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that only this object appends to. Before each append it checks that the file still has the length it
 * left, so a file removed, truncated or extended by someone else stops the recording instead of being signed.
 */
final class AppendOnlyFile {

    private final Path file;
    private final String name;
    private long length;

    /** Creates the file, which must not exist yet. */
    AppendOnlyFile(Path file, String name) {
        this.file = file;
        this.name = name;
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            this.length = 0;
        } catch (IOException e) {
            throw new EvidenceException("Failed to create " + name + " in " + file.getParent() + ": " + e, e);
        }
    }

    /**
     * Appends the bytes and returns once the operating system has them. If the write fails part way, the file is
     * cut back to its previous length where possible, so it never ends in half a line.
     */
    void append(byte[] bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long actual = channel.size();
            if (actual != length) {
                throw new EvidenceException(name + " was changed outside the evidence recorder: it has " + actual
                        + " bytes, expected " + length + ". The bundle can no longer be trusted; stop the task.");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer, length + buffer.position());
                }
            } catch (IOException e) {
                channel.truncate(length);
                throw e;
            }
            length += bytes.length;
        } catch (IOException e) {
            throw new EvidenceException("Failed to append to " + name + " at " + file + ": " + e
                    + ". Check that the bundle folder still exists and the disk is not full.", e);
        }
    }

    long length() {
        return length;
    }

    Path path() {
        return file;
    }
}
