package org.switchboard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.settings.SettingsStore;
import org.switchboard.app.settings.SystemAppearance;
import org.switchboard.app.settings.ThemeMode;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.app.ui.Fonts;
import org.switchboard.app.ui.Theme;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The desktop app. Reads the settings (language, theme, window), asks the system for light or dark in the
 * background, and opens the main window with the flow file given on the command line (a Switchboard file or a
 * Node-RED export), else the last file. When the last run did not end cleanly, it offers to restore the unsaved
 * work; on the first start it shows the welcome dialog, unless the user opened a file with the app.
 */
public final class SwitchboardApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardApp.class);
    /** How long the start may wait for the system's light/dark answer before showing the window light. */
    private static final long THEME_WAIT_MS = 300;

    private SettingsStore store;
    private AppSettings settings;
    private CompletableFuture<Boolean> systemDark;
    private long initStarted;
    private MainWindow window;
    private Collaborators with;

    public static void main(String[] args) {
        EarlyStart.begin(); // settings and class loading on the second core while JavaFX starts
        launch(args);
    }

    @Override
    public void init() {
        initStarted = System.nanoTime();
        Theme theme = new Theme();
        Dialogs dialogs = new Dialogs(theme);
        ErrorReporter.install(dialogs);
        store = SettingsStore.standard();
        settings = EarlyStart.settings(store);
        if (settings.theme() == ThemeMode.SYSTEM) {
            systemDark = SystemAppearance.detectDarkAsync();
        }
        AppTexts.setLocale(settings.language().resolve(Locale.getDefault()));
        // the one registry, theme and set of engine texts, handed down from here
        with = new Collaborators(theme, dialogs, NodeTypes.standard(), AppTexts.engine());
        // the toolkit is up: load the bundled fonts while the JavaFX thread builds the window (it waits for them
        // only where the scene gets its stylesheets)
        Thread fonts = new Thread(Fonts::stylesheet, "switchboard-fonts");
        fonts.setDaemon(true);
        fonts.start();
    }

    @Override
    public void start(Stage stage) {
        long spent = (System.nanoTime() - initStarted) / 1_000_000;
        ThemeFollower.follow(with.theme(), settings.theme(), systemDark, THEME_WAIT_MS - spent);
        boolean firstRun = store.isFirstRun();
        window = new MainWindow(stage, settings, store, getHostServices(), Clock.systemDefaultZone(),
                with);
        List<String> args = getParameters().getRaw();
        Path requested = args.isEmpty() ? null : Path.of(unquote(args.get(0)));
        window.show();
        if (firstRun) {
            // from now on this is not the first start, even if the app is killed
            window.saveSettings();
        }
        // dialogs come after the window is up, so they are centred on it and never block start(). Unsaved work of the
        // last run is offered first, before anything of this run could be taken for it; a restored document is
        // not replaced by the file that would have been opened. Autosave starts once these questions are answered.
        Platform.runLater(() -> {
            MainWindow.RecoveryOutcome recovery = window.offerRecovery();
            if (recovery != MainWindow.RecoveryOutcome.RESTORED) {
                openInitial(requested);
            }
            window.startAutosave();
            // a file the user opened (double-click, command line) is what they came for: no welcome over it
            if (recovery == MainWindow.RecoveryOutcome.NONE && requested == null && settings.showWelcome()) {
                window.welcome();
            }
        });
    }

    /**
     * A path that arrives still in quotes (the Maven JavaFX plugin keeps them, so do some launchers) is meant
     * without them.
     */
    static String unquote(String arg) {
        return arg.length() > 1 && arg.startsWith("\"") && arg.endsWith("\"") ? arg.substring(1, arg.length() - 1)
                : arg;
    }

    private void openInitial(Path requested) {
        if (requested != null) {
            window.files().load(requested);
            return;
        }
        for (Path last : settings.recentFiles()) {
            if (Files.isRegularFile(last)) {
                if (!window.files().load(last)) {
                    LOG.info("Last file {} could not be opened; starting empty", last);
                }
                return;
            }
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
