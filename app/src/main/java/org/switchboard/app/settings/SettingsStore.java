package org.switchboard.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link AppSettings} as {@code settings.json} in the per-user directory the operating system
 * expects: {@code $XDG_CONFIG_HOME/switchboard} (or {@code ~/.config/switchboard}) on Linux,
 * {@code %APPDATA%\Switchboard} on Windows, {@code ~/Library/Application Support/Switchboard} on macOS. The system
 * property {@code switchboard.home} overrides the directory (tests, portable installs). Writes are atomic and the
 * file is readable by its owner only. A damaged file is moved aside, never overwritten silently.
 */
public final class SettingsStore {

    public static final String HOME_PROPERTY = "switchboard.home";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    public SettingsStore(Path directory) {
        this.directory = directory;
    }

    /** The store in the usual place for this user and OS (or {@code -Dswitchboard.home}). */
    public static SettingsStore standard() {
        return new SettingsStore(defaultDirectory(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home", "."), System.getProperty(HOME_PROPERTY)));
    }

    static Path defaultDirectory(String osName, Map<String, String> env, String userHome, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "Switchboard")
                    : Path.of(userHome, "AppData", "Roaming", "Switchboard");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Switchboard");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "switchboard")
                : Path.of(userHome, ".config", "switchboard");
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
        AtomicFiles.write(file(), toJson(settings), true);
    }

    static byte[] toJson(AppSettings settings) throws JsonProcessingException {
        return JSON.writeValueAsBytes(settings);
    }
}
