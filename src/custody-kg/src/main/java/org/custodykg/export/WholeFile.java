package org.custodykg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole or not at all: into a temporary file beside it, then moved into place, so a
 * failure part-way leaves the old file (or none) and never a half-written one.
 */
public final class WholeFile {
    /** What writes the content. */
    @FunctionalInterface
    public interface Content<T> {
        /** Writes to the stream and returns what the caller wants to know about it. */
        T writeTo(OutputStream out) throws IOException;
    }

    private WholeFile() {}

    /**
     * Writes the content into the file.
     *
     * @return what the content returned
     * @throws IOException if the file cannot be written; the target is then left as it was
     */
    public static <T> T write(Path file, Content<T> content) throws IOException {
        Path target = file.toAbsolutePath();
        // A temporary file is private (mode 600); the file the user asked for gets the usual rw-r--r--.
        Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part", readableByAll())
                : Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            T result;
            try (OutputStream out = Files.newOutputStream(temp)) {
                result = content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?> readableByAll() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
    }
}
