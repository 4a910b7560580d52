package org.switchboard.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The user's settings as stored in {@code settings.json}: language, theme, window and panel geometry, recent files,
 * the last directory, whether to show the welcome dialog, and Run's port and automatic deploy. Keys this version
 * does not know are kept and written back unchanged, so settings added by a newer version (or by other parts of the
 * app) survive. Lives on the JavaFX thread; {@link SettingsStore} reads and writes it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AppSettings {

    public static final int MAX_RECENT = 10;

    /** Where and how large the main window was. */
    public record WindowState(double x, double y, double width, double height, boolean maximized) {
    }

    private int version = 1;
    private String language = Language.SYSTEM.id();
    private String theme = ThemeMode.SYSTEM.id();
    private WindowState window;
    /** Panel sizes in pixels: "palette" and "inspector" widths, "dock" height. */
    private Map<String, Double> panels = new LinkedHashMap<>();
    private List<String> recentFiles = new ArrayList<>();
    private String lastDirectory;
    private boolean showWelcome = true;
    /** ISO 3166 region code (DE, GB, CH, ...) that national numbers ("030 ...") belong to; null when not set. */
    private String homeCountry;
    /** The kept call log: calls newer than this many days, at most this many; notifications for incoming calls. */
    private int callLogDays = 90;
    private int callLogMaxCalls = 10_000;
    private boolean callNotifications;
    private boolean followCalls = true;
    /** Going online (ngrok region and domain, agent, signature check); null until changed. */
    private OnlineSettings online;
    /** The port Run serves on (127.0.0.1); null means the default. */
    private Integer runPort;
    /** Whether every valid edit is deployed while the flow runs. */
    private boolean autoDeploy;
    private boolean rerunTests = true;
    /** Whether converted sounds (files, recordings) lose the silence at their start and end. */
    private boolean trimSilence = true;
    private final Map<String, Object> other = new LinkedHashMap<>();

    public Language language() {
        return Language.fromId(language);
    }

    public void setLanguage(Language l) {
        language = l.id();
    }

    public ThemeMode theme() {
        return ThemeMode.fromId(theme);
    }

    public void setTheme(ThemeMode mode) {
        theme = mode.id();
    }

    public WindowState window() {
        return window;
    }

    public void setWindow(WindowState w) {
        window = w;
    }

    /** A panel size in pixels, or the fallback when none is stored. */
    public double panel(String key, double fallback) {
        Double v = panels == null ? null : panels.get(key);
        return v == null || v.isNaN() || v <= 0 ? fallback : v;
    }

    public void setPanel(String key, double size) {
        if (panels == null) {
            panels = new LinkedHashMap<>();
        }
        panels.put(key, Math.round(size * 10) / 10.0);
    }

    /** Recent files, newest first. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        if (recentFiles != null) {
            for (String s : recentFiles) {
                try {
                    out.add(Path.of(s));
                } catch (RuntimeException e) {
                    // an unusable entry (e.g. written on another OS) is skipped, not fatal
                }
            }
        }
        return out;
    }

    public void addRecentFile(Path file) {
        String s = file.toAbsolutePath().normalize().toString();
        if (recentFiles == null) {
            recentFiles = new ArrayList<>();
        }
        recentFiles.remove(s);
        recentFiles.add(0, s);
        while (recentFiles.size() > MAX_RECENT) {
            recentFiles.remove(recentFiles.size() - 1);
        }
    }

    public void removeRecentFile(Path file) {
        if (recentFiles != null) {
            recentFiles.remove(file.toAbsolutePath().normalize().toString());
        }
    }

    public void clearRecentFiles() {
        recentFiles = new ArrayList<>();
    }

    public Path lastDirectory() {
        try {
            return lastDirectory == null ? null : Path.of(lastDirectory);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public void setLastDirectory(Path dir) {
        lastDirectory = dir == null ? null : dir.toAbsolutePath().toString();
    }

    public boolean showWelcome() {
        return showWelcome;
    }

    public void setShowWelcome(boolean show) {
        showWelcome = show;
    }

    /** The home country for phone numbers without a country code, e.g. {@code DE}; {@code null} when not set. */
    public String homeCountry() {
        return homeCountry;
    }

    public void setHomeCountry(String region) {
        homeCountry = region == null || region.isBlank() ? null : region;
    }

    public int callLogDays() {
        return callLogDays > 0 ? callLogDays : 90;
    }

    public int callLogMaxCalls() {
        return callLogMaxCalls > 0 ? callLogMaxCalls : 10_000;
    }

    /** Keeps calls of the last {@code days} days in the call log, at most {@code maxCalls} of them. */
    public void setCallLogRetention(int days, int maxCalls) {
        callLogDays = Math.max(1, days);
        callLogMaxCalls = Math.max(1, maxCalls);
    }

    /** Whether each incoming call shows a notification (off unless the user turns it on). */
    public boolean callNotifications() {
        return callNotifications;
    }

    public void setCallNotifications(boolean on) {
        callNotifications = on;
    }

    /** Whether the canvas follows live calls (the Calls tab's switch). */
    public boolean followCalls() {
        return followCalls;
    }

    public void setFollowCalls(boolean on) {
        followCalls = on;
    }

    /** How the app goes online; the defaults when never changed. */
    public OnlineSettings online() {
        return online == null ? OnlineSettings.DEFAULTS : online;
    }

    public void setOnline(OnlineSettings value) {
        online = value;
    }

    /** The default port of Run, as for the command line's {@code run}. */
    public static final int DEFAULT_RUN_PORT = 8080;

    /** The port Run serves the flow on, 127.0.0.1 only ({@value #DEFAULT_RUN_PORT} unless changed). */
    public int runPort() {
        return runPort == null || runPort < 1 || runPort > 65_535 ? DEFAULT_RUN_PORT : runPort;
    }

    public void setRunPort(int port) {
        runPort = port == DEFAULT_RUN_PORT ? null : port;
    }

    /** Whether every valid edit goes live at once while the flow runs (off: the user deploys). */
    public boolean autoDeploy() {
        return autoDeploy;
    }

    public void setAutoDeploy(boolean on) {
        autoDeploy = on;
    }

    /** Whether the flow's test calls run again after every edit (on by default). */
    public boolean rerunTests() {
        return rerunTests;
    }

    public void setRerunTests(boolean rerun) {
        rerunTests = rerun;
    }

    public boolean trimSilence() {
        return trimSilence;
    }

    public void setTrimSilence(boolean trim) {
        trimSilence = trim;
    }

    @JsonAnySetter
    void putOther(String key, Object value) {
        other.put(key, value);
    }

    @JsonAnyGetter
    Map<String, Object> other() {
        return other;
    }
}
