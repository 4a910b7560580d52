package org.switchboard.app.document;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.engine.files.AtomicFiles;
import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;

/**
 * Unsaved work as written by {@link Autosave}: the flow, the file it belongs to (null for a new document), the name
 * the document had (e.g. "calls (imported)"; null in files written before it was kept) and when it was written. Stored
 * as {@code recovery.json} in the settings directory, with the flow in the normal flow file format, and written
 * atomically and readable by the user only.
 */
public record Recovery(Flow flow, Path originalFile, String name, Instant savedAt) {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Locks held for the life of the app, one per recovery file in use (see {@link #fileIn}). */
    private static final Map<Path, FileLock> HELD = new HashMap<>();
    private static final int MAX_INSTANCES = 16;

    /**
     * The recovery file of this app instance: {@code recovery.json}, or when another running instance uses it,
     * {@code recovery-2.json}, {@code recovery-3.json}, … Each file is claimed by an operating-system lock on its
     * {@code .lock} sibling for as long as the app runs, so two instances never overwrite each other's unsaved
     * work, and an instance that crashed leaves its file to the next instance that takes its place (the lock ends
     * with the process). Where locking is not possible, {@code recovery.json} as before.
     */
    public static synchronized Path fileIn(Path settingsDirectory) {
        for (Path held : HELD.keySet()) {
            if (held.getParent().equals(settingsDirectory)) {
                return held; // this instance's own, asked for again
            }
        }
        for (int n = 1; n <= MAX_INSTANCES; n++) {
            Path file = settingsDirectory.resolve(n == 1 ? "recovery.json" : "recovery-" + n + ".json");
            Path lockFile = settingsDirectory.resolve(file.getFileName() + ".lock");
            try {
                Files.createDirectories(settingsDirectory);
                FileChannel channel = FileChannel.open(lockFile,
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    HELD.put(file, lock);
                    return file;
                }
                channel.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot lock the recovery file {}: {}", file, e.getMessage());
                return settingsDirectory.resolve("recovery.json");
            }
        }
        return settingsDirectory.resolve("recovery-" + ProcessHandle.current().pid() + ".json");
    }

    public void write(Path target) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("recoveryVersion", 1);
        root.put("savedAt", savedAt.toString());
        root.put("file", originalFile == null ? null : originalFile.toAbsolutePath().toString());
        root.put("name", name);
        root.set("flow", JSON.readTree(FlowFiles.toJson(flow)));
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.writePrivate(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /** The recovery in the file, or empty when there is none or it cannot be used (then it is logged). */
    public static Optional<Recovery> read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Flow flow = FlowFiles.parse(JSON.writeValueAsString(root.path("flow")), file.getFileName().toString())
                    .flow();
            JsonNode original = root.path("file");
            Path originalFile = original.isTextual() ? Path.of(original.asText()) : null;
            String name = root.path("name").isTextual() ? root.path("name").asText() : null;
            Instant savedAt = Instant.parse(root.path("savedAt").asText());
            return Optional.of(new Recovery(flow, originalFile, name, savedAt));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | FlowFileException | RuntimeException e) {
            LOG.warn("The recovery file {} cannot be used: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
