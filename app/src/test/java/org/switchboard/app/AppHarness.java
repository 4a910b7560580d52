package org.switchboard.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.settings.SettingsStore;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * Starts the real app (settings in a temp directory given as {@code switchboard.home}, English, welcome off) on a
 * fresh stage, and gives tests the window and a few helpers. "Crashing" is simply starting another instance without
 * stopping the first.
 */
final class AppHarness {

    final Path home;
    Application app;
    Stage stage;
    private final List<Stage> stages = new ArrayList<>();

    AppHarness(Path home) throws IOException {
        this(home, false);
    }

    /** With {@code firstRun}, no settings are written, as on a machine where the app never ran. */
    AppHarness(Path home, boolean firstRun) throws IOException {
        this.home = home;
        System.setProperty(SettingsStore.HOME_PROPERTY, home.toString());
        Files.createDirectories(home);
        if (!firstRun && !Files.exists(home.resolve("settings.json"))) {
            Files.writeString(home.resolve("settings.json"),
                    "{\"language\": \"en\", \"theme\": \"light\", \"showWelcome\": false}", StandardCharsets.UTF_8);
        }
    }

    /** An app in the given theme and language, with its settings in a new temporary directory (welcome off). */
    static AppHarness inLook(String theme, String language) throws IOException {
        Path home = Files.createTempDirectory("sb-shot");
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"" + language + "\", \"theme\": \""
                + theme + "\", \"showWelcome\": false}", StandardCharsets.UTF_8);
        return new AppHarness(home);
    }

    /** The family menu sample, the flow the README screenshots show. */
    static final Path FAMILY_MENU = Path.of("../sample-flows/family-menu.json").toAbsolutePath();

    /** A screenshot (or several) taken in one theme and language. */
    interface InLook {
        void take(String theme, String language) throws Exception;
    }

    /** Where the README screenshots are written: docs/images, or the folder {@code -Dscreenshots.dir} names. */
    static Path screenshotFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "../docs/images"))
                .toAbsolutePath());
    }

    /** Takes {@code shot} in every look the README shows: light and dark, each in English and German. */
    static void eachLook(InLook shot) throws Exception {
        for (String theme : List.of("light", "dark")) {
            for (String language : List.of("en", "de")) {
                shot.take(theme, language);
            }
        }
    }

    /** Lets pending layout and short transitions finish, so that a screenshot shows the settled window. */
    static void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes an image (a snapshot, on the FX thread) as a PNG file. */
    static void writePng(Image image, Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts an app instance with the given command line on a stage of its own (as a new process would) and waits
     * until its start-up dialogs are up.
     */
    MainWindow start(String... args) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        stage = FxToolkit.registerStage(Stage::new);
        stages.add(stage);
        app = FxToolkit.setupApplication(SwitchboardApp.class, args);
        WaitForAsyncUtils.waitForFxEvents();
        return MainWindow.of(stage);
    }

    /**
     * Stops the app the way the OS does at exit, and puts back JavaFX's default theme, which the app set for the
     * whole JVM, so later tests of single components see the platform defaults.
     */
    void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        WaitForAsyncUtils.asyncFx(() -> {
            stages.forEach(Stage::close);
            Application.setUserAgentStylesheet(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        stages.clear();
        FxToolkit.registerPrimaryStage();
    }

    /** Closes any dialog still open, so the next test starts clean. */
    static void closeDialogs() {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s.getScene() != null && s.getScene().getRoot() instanceof DialogPane) {
                    s.close();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The dialog pane with this id, or null when none is showing. */
    static DialogPane dialog(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#" + id).tryQueryAs(DialogPane.class).orElse(null);
    }

    static <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    /** Incoming call wired to a Dial with one empty number: the smallest flow the inspector tests need. */
    static Flow callToDial() {
        FlowNode in = NodeTypes.standard().get("incomingCall").newNode("in", 40, 100);
        FlowNode dial = NodeTypes.standard().get("dial").newNode("dial1", 260, 100);
        return Flow.of("Test", List.of(in, dial), List.of(new Wire("in", "call", "dial1")));
    }

    static Path write(Path dir, String name, Flow flow) throws IOException {
        Path file = dir.resolve(name);
        FlowFiles.save(file, flow);
        return file;
    }
}
