package org.switchboard.engine.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Switchboard keeps per-user files, in each OS's usual place: {@code $XDG_CONFIG_HOME/switchboard} (or
 * {@code ~/.config/switchboard}) on Linux, {@code %APPDATA%\Switchboard} on Windows,
 * {@code ~/Library/Application Support/Switchboard} on macOS. The system property {@code switchboard.home}
 * overrides it (tests, portable installs).
 */
public final class ConfigDirs {

    public static final String OVERRIDE_PROPERTY = "switchboard.home";

    private ConfigDirs() {
    }

    public static Path configDir() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData == null ? home.resolve("AppData").resolve("Roaming") : Path.of(appData))
                    .resolve("Switchboard");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Switchboard");
        }
        // XDG: $XDG_CONFIG_HOME, else $HOME/.config. Java's user.home comes from the password database and
        // ignores $HOME, which would make "HOME=/tmp/x switchboard" (tests, sandboxes) share the real settings.
        String xdg = System.getenv("XDG_CONFIG_HOME");
        String envHome = System.getenv("HOME");
        Path base = envHome == null || envHome.isBlank() ? home : Path.of(envHome);
        return (xdg == null || xdg.isBlank() ? base.resolve(".config") : Path.of(xdg)).resolve("switchboard");
    }

    /**
     * Where Switchboard keeps per-user state that is not a setting (the pid of the ngrok agent it started, a
     * downloaded agent): {@code $XDG_STATE_HOME/switchboard} (or {@code ~/.local/state/switchboard}) on Linux,
     * {@code %LOCALAPPDATA%\Switchboard} on Windows, the config directory on macOS, {@code <switchboard.home>/state}
     * when overridden.
     */
    public static Path stateDir() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve("state");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return local == null ? configDir().resolve("state") : Path.of(local).resolve("Switchboard");
        }
        if (os.contains("mac")) {
            return configDir().resolve("state");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        String envHome = System.getenv("HOME");
        Path base = envHome == null || envHome.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(envHome);
        return (xdg == null || xdg.isBlank() ? base.resolve(".local").resolve("state") : Path.of(xdg))
                .resolve("switchboard");
    }
}
