package org.switchboard.app.settings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the operating system whether the user prefers a dark appearance: {@code GTK_THEME} and GNOME's
 * {@code color-scheme} / {@code gtk-theme} settings on Linux, {@code AppsUseLightTheme} in the Windows registry,
 * {@code AppleInterfaceStyle} on macOS. Each query runs a small command with a short timeout on a background thread,
 * so a slow or missing tool never holds up the start; when nothing can be read the answer is "light".
 */
public final class SystemAppearance {

    private static final Logger LOG = LoggerFactory.getLogger(SystemAppearance.class);
    private static final long COMMAND_TIMEOUT_MS = 250;

    private SystemAppearance() {
    }

    /** Starts the detection in the background. */
    public static CompletableFuture<Boolean> detectDarkAsync() {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(detectDark());
            } catch (RuntimeException e) {
                result.complete(false);
            }
        }, "system-appearance");
        t.setDaemon(true);
        t.start();
        return result;
    }

    static boolean detectDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String out = run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes"
                    + "\\Personalize", "/v", "AppsUseLightTheme"));
            return out != null && windowsSaysDark(out);
        }
        if (os.startsWith("mac")) {
            String out = run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"));
            return out != null && out.trim().equalsIgnoreCase("dark");
        }
        return linuxSaysDark(System.getenv(), SystemAppearance::run);
    }

    /** A command runner that returns the output, or null when the command failed or took too long. */
    interface Runner {
        String run(List<String> command);
    }

    static boolean linuxSaysDark(Map<String, String> env, Runner runner) {
        String gtkTheme = env.get("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return gtkTheme.toLowerCase(Locale.ROOT).contains("dark");
        }
        String bus = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (bus == null || bus.isBlank()) {
            // no desktop session to ask; gsettings would only try to start a message bus of its own
            return false;
        }
        String scheme = runner.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme != null) {
            String s = scheme.toLowerCase(Locale.ROOT);
            if (s.contains("dark")) {
                return true;
            }
            if (s.contains("light")) {
                return false;
            }
        }
        String theme = runner.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        return theme != null && theme.toLowerCase(Locale.ROOT).contains("dark");
    }

    static boolean windowsSaysDark(String regOutput) {
        for (String line : regOutput.split("\\R")) {
            if (line.contains("AppsUseLightTheme")) {
                return line.trim().endsWith("0x0");
            }
        }
        return false;
    }

    private static String run(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        try {
            if (!p.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                LOG.debug("{} took longer than {} ms; ignoring it", command.get(0), COMMAND_TIMEOUT_MS);
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return null;
            }
            if (p.exitValue() != 0) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        }
    }
}
