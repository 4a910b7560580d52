package org.switchboard.engine.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that a crash, a full disk or a failing serialiser never leaves a half-written file behind: the
 * content goes to a temporary file in the same directory, is forced to disk, and then replaces the target in one
 * atomic rename. On any failure the old file is untouched and the temporary file is removed. Used for flows and
 * anything else the user must not lose (settings, autosave).
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    /** Produces a file's content straight into the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes the content to {@code target} atomically. The temporary file is a hidden sibling of the target
     * ({@code .name.*.tmp}); a symbolic link as target is followed, so the link stays a link.
     */
    public static void write(Path target, Content content) throws IOException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = file.getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(file, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Same directory, so this is rare (some network file systems); a plain replace is the best left.
                LOG.warn("Atomic rename not supported in {}; replacing {} non-atomically", dir, file.getFileName());
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            syncDirectory(dir);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Could not remove temporary file {}: {}", temp, e.getMessage());
                }
            }
        }
    }

    /** The temporary file is private (rw-------); a file that is replaced keeps the permissions it had. */
    private static void keepPermissions(Path file, Path temp) {
        try {
            if (Files.exists(file)
                    && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not copy the permissions of {}: {}", file, e.getMessage());
        }
    }

    /** Makes the rename itself durable; not possible on every platform, and harmless to skip there. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Directory sync not supported for {}: {}", dir, e.getMessage());
        }
    }
}
