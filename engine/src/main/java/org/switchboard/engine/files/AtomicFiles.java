package org.switchboard.engine.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that a crash, a full disk or a failing serialiser never leaves a half-written file behind: the
 * content goes to a temporary file in the same directory, is forced to disk, and then replaces the target in one
 * atomic rename. On any failure the old file is untouched and the temporary file is removed, and the error says
 * why in words ("permission denied", "no space left on device"), naming the file the user asked for, never the
 * temporary one. A read-only file is not replaced. Used for flows and anything else the user must not lose
 * (settings, autosave, secrets).
 *
 * <p>Permissions: a new file gets what the user's umask gives (a flow saved by the user can be read by an engine
 * running under a service account, as any file the user creates); {@link #writePrivate} makes it readable by the
 * owner only, for secrets and files with personal data. A file that is replaced keeps the permissions it had.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** Like {@link #write(Path, byte[])}, but the file is readable and writable by its owner only (0600). */
    public static void writePrivate(Path target, byte[] bytes) throws IOException {
        writeChecked(target, out -> out.write(bytes), true);
    }

    /**
     * Writes the content to {@code target} atomically. The temporary file is a hidden sibling of the target
     * ({@code .name.*.tmp}); a symbolic link as target is followed, so the link stays a link.
     *
     * @throws IOException with a one-line message naming {@code target} and the reason
     */
    public static void write(Path target, Content content) throws IOException {
        writeChecked(target, content, false);
    }

    private static void writeChecked(Path target, Content content, boolean owner) throws IOException {
        try {
            if (Files.exists(target) && isReadOnly(target)) {
                throw new IOException(target + " is read-only; it was not replaced");
            }
            writeAtomically(target, content, owner);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(target + " ")) {
                throw e;
            }
            throw new IOException(target + " could not be written: " + reason(e), e);
        }
    }

    /**
     * Whether the file is marked read-only: no write permission for its owner (checked on the permission bits, so
     * that it holds for root too, whom the operating system would let write anyway), or not writable at all.
     */
    static boolean isReadOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            return !view.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
        }
        return !Files.isWritable(file);
    }

    /** What went wrong, in words: the operating system's reason where there is one, not just a path. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void writeAtomically(Path target, Content content, boolean owner) throws IOException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = file.getParent();
        Path temp = createTemp(dir, file.getFileName().toString(), owner);
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (!owner) {
                keepPermissions(file, temp);
            }
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

    /**
     * A new hidden sibling: created like any new file (so the umask applies, unlike {@code createTempFile}'s
     * rw-------), or owner-only from the start for private files.
     */
    private static Path createTemp(Path dir, String name, boolean owner) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = owner && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------"))}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp, attributes);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** A file that is replaced keeps the permissions it had. */
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
