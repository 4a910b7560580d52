package org.switchboard.app.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.settings.SettingsStore;
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

    public static Path fileIn(Path settingsDirectory) {
        return settingsDirectory.resolve("recovery.json");
    }

    public void write(Path target) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("recoveryVersion", 1);
        root.put("savedAt", savedAt.toString());
        root.put("file", originalFile == null ? null : originalFile.toAbsolutePath().toString());
        root.put("name", name);
        root.set("flow", JSON.readTree(FlowFiles.toJson(flow)));
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.write(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        SettingsStore.restrictToOwner(target);
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
