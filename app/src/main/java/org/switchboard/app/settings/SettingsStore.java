package org.switchboard.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.engine.files.AtomicFiles;
import org.switchboard.engine.settings.ConfigDirs;

/**
 * Reads and writes {@link AppSettings} as {@code settings.json} in the per-user directory ({@link ConfigDirs}: the
 * OS's usual place, or {@code -Dswitchboard.home}), next to the engine's {@code secrets.json}. Writes are atomic and
 * the file is readable by its owner only. A damaged file is moved aside, never overwritten silently.
 */
public final class SettingsStore {

    public static final String HOME_PROPERTY = ConfigDirs.OVERRIDE_PROPERTY;
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path directory;

    public SettingsStore(Path directory) {
        this.directory = directory;
    }

    /** The store in the usual place for this user and OS (or {@code -Dswitchboard.home}). */
    public static SettingsStore standard() {
        return new SettingsStore(ConfigDirs.configDir());
    }

    public Path directory() {
        return directory;
    }

    public Path file() {
        return directory.resolve("settings.json");
    }

    /** True before the very first start has written settings. */
    public boolean isFirstRun() {
        return !Files.exists(file());
    }

    /** The stored settings, or defaults when there are none or the file cannot be read. */
    public AppSettings load() {
        Path file = file();
        if (!Files.exists(file)) {
            return new AppSettings();
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), AppSettings.class);
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling("settings.broken.json");
            LOG.warn("Settings file {} could not be read ({}); moved to {} and starting with defaults", file,
                    e.getMessage(), aside.getFileName());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return new AppSettings();
        }
    }

    public void save(AppSettings settings) throws IOException {
        Files.createDirectories(directory);
        AtomicFiles.write(file(), toJson(settings));
        restrictToOwner(file());
    }

    /**
     * Makes a file readable and writable by its owner only (POSIX mode 600). A new file is private from the
     * start (the atomic write's temporary file is created so); this also tightens a file that was created looser.
     */
    public static void restrictToOwner(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    public static boolean isPosix() {
        return POSIX;
    }

    public static byte[] toJson(AppSettings settings) throws JsonProcessingException {
        return JSON.writeValueAsBytes(settings);
    }
}
