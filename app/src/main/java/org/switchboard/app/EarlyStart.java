package org.switchboard.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.settings.SettingsStore;
import org.switchboard.engine.warmup.Warmup;

/**
 * Start-up work that needs neither the JavaFX thread nor the toolkit, done on the second core while JavaFX starts
 * its toolkit and then builds the window: reading and writing the settings (which brings up Jackson), the engine's
 * editor warm-up ({@link Warmup#editor}: the node-type registry and the flow reader), and loading, without
 * initialising, the app's own classes from its jar. Each of these is also done where it is needed, so a warm-up that
 * is late or fails only costs time; only the settings are handed over, so they are read once.
 */
final class EarlyStart {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStart.class);

    private static volatile Started started;

    private record Started(Path directory, CompletableFuture<AppSettings> settings) {
    }

    private EarlyStart() {
    }

    /** Starts the work on a daemon thread; called once from {@code main} before JavaFX starts. */
    static void begin() {
        SettingsStore store = SettingsStore.standard();
        CompletableFuture<AppSettings> settings = new CompletableFuture<>();
        started = new Started(store.directory(), settings);
        Thread thread = new Thread(() -> {
            AppSettings loaded = store.load();
            settings.complete(loaded);
            warm(loaded);
        }, "switchboard-early-start");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    /** The settings of {@code store}: those read early when they came from the same place, else read now. */
    static AppSettings settings(SettingsStore store) {
        Started s = started;
        started = null;
        if (s != null && s.directory().equals(store.directory())) {
            return s.settings().join();
        }
        return store.load();
    }

    private static void warm(AppSettings loaded) {
        try {
            SettingsStore.toJson(loaded); // the writer side of Jackson, used when the window saves the settings
            Warmup.editor();
            loadOwnClasses();
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug("Start-up warm-up stopped early: {}", e.toString());
        }
    }

    /** Loads (does not initialise) every class of the app's jar, so the JavaFX thread finds them defined. */
    private static void loadOwnClasses() {
        Path jar;
        try {
            jar = Path.of(EarlyStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            return; // running from a classes directory (development): nothing to gain
        }
        ClassLoader loader = EarlyStart.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith("org/switchboard/app/") && name.endsWith(".class")
                        && !name.endsWith("module-info.class")) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a class that cannot be loaded now fails the same way where it is used, with its context
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Start-up warm-up could not read {}: {}", jar, e.getMessage());
        }
    }
}
