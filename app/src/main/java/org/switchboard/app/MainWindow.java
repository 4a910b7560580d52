package org.switchboard.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.calls.CallNotifier;
import org.switchboard.app.calls.CallsTab;
import org.switchboard.app.canvas.FlowCanvas;
import org.switchboard.app.sounds.SoundFileDrop;
import org.switchboard.app.sounds.SoundImports;
import org.switchboard.app.document.Autosave;
import org.switchboard.app.document.DocumentFiles;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.document.Recovery;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.inspector.InspectorPane;
import org.switchboard.app.live.LiveRun;
import org.switchboard.app.online.OnlineController;
import org.switchboard.app.inspector.PropertyEditors;
import org.switchboard.app.palette.PalettePane;
import org.switchboard.app.problems.ProblemsPane;
import org.switchboard.app.run.RunBar;
import org.switchboard.app.run.RunController;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.settings.SettingsDialog;
import org.switchboard.app.settings.SettingsStore;
import org.switchboard.app.simulator.SimulatorPane;
import org.switchboard.app.simulator.TestCalls;
import org.switchboard.app.simulator.TestsPane;
import org.switchboard.app.ui.Action;
import org.switchboard.app.ui.Actions;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.app.welcome.WelcomeDialog;
import org.switchboard.engine.settings.SecretStore;

/**
 * The main window: toolbar on top; palette | canvas over the dock | inspector below it, separated by 1 px
 * dividers that can be dragged. It owns the document and its files, wires the panels to it, handles the
 * window-wide shortcuts, and remembers its geometry. Menus, toolbar and keys all use one set of {@link Action}s: the
 * window's own ({@link WindowActions}) and the canvas's, which the canvas also handles while it has the focus.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    static final String PALETTE_WIDTH = "palette";
    static final String INSPECTOR_WIDTH = "inspector";
    static final String DOCK_HEIGHT = "dock";

    private final Stage stage;
    private final AppSettings settings;
    private final SettingsStore store;
    private final HostServices host;
    private final Collaborators with;
    private final EditorDocument doc;
    private final Autosave autosave;
    private final DocumentFiles files;
    private final FlowCanvas canvas;
    private final PalettePane palette;
    private final InspectorPane inspector;
    private final ProblemsPane problems;
    private final TestCalls testCalls;
    private final SimulatorPane simulator;
    private final Dock dock = new Dock();
    private final SplitPane main = new SplitPane();
    private final SplitPane centre = new SplitPane();
    private final WindowGeometry geometry = new WindowGeometry();
    private final Actions actions;
    private final SecretStore secrets = SecretStore.standard();
    private final LiveRun run = new LiveRun(secrets);
    private final CallsTab calls;
    private final RunController runController;
    private boolean closed;

    MainWindow(Stage stage, AppSettings settings, SettingsStore store, HostServices host, Clock clock,
               Collaborators with) {
        this.stage = stage;
        this.settings = settings;
        this.store = store;
        this.host = host;
        this.with = with;
        this.doc = EditorDocument.checkedBy(with.types(), with.messages());
        this.autosave = new Autosave(doc, Recovery.fileIn(store.directory()), clock);
        this.files = new DocumentFiles(doc, settings, this::saveSettings, () -> stage, autosave, with.dialogs());
        autosave.nameFrom(files.displayNameProperty()::get);
        this.canvas = createCanvas();
        // a flow that was just opened is shown whole (up to 100 %), once the canvas knows its size
        files.setOnOpened(() -> Platform.runLater(canvas::zoomToFit));
        this.runController = new RunController(run, doc, with.types(), settings, this::saveSettings, with.dialogs(),
                () -> stage,
                () -> dock.select("problems"));
        this.actions = new Actions(WindowActions.of(this, files, doc));
        actions.addAll(canvas.actions());
        actions.addAll(runController.actions());
        this.palette = new PalettePane(with.types(), with.messages(), this::addNode, id -> canvas.cardImage(id));
        this.inspector = new InspectorPane(doc, this::showNode, with.types(), PropertyEditors.standard());
        this.problems = new ProblemsPane(doc, with.types(), with.messages(), this::showNode,
                settings::homeCountry);
        dock.addTab("problems", "warn", AppTexts.get("dock.problems"), problems, problems.countProperty(), "warn");
        dock.markCount("problems", "error", problems.anyErrorProperty());
        this.calls = new CallsTab(run, doc::flow, canvas, settings, store.directory(), clock, () -> stage,
                files::filePicker, with.dialogs(), with.messages());
        dock.addTab("calls", "handset", AppTexts.get("dock.calls"), calls.pane(), calls.pane().countProperty(), "");
        this.testCalls = new TestCalls(doc, with.types(), with.messages(), canvas, problems, settings,
                this::saveSettings);
        this.simulator = new SimulatorPane(doc, with.types(), with.messages(), canvas, testCalls);
        dock.addTab("simulator", "sim", AppTexts.get("dock.simulator"), simulator, null, null);
        dock.addTab("tests", "list", AppTexts.get("dock.tests"), new TestsPane(testCalls),
                testCalls.failuresProperty(), "warn");
        dock.markCount("tests", "error", new javafx.beans.property.SimpleBooleanProperty(true));

        layOutPanels();

        BorderPane root = new BorderPane(main);
        WindowToolbar toolbar = new WindowToolbar(actions, doc, files, canvas.zoomProperty());
        toolbar.getChildren().add(new RunBar(runController, actions, with.dialogs(), () -> stage, with.types(),
                with.messages()));
        toolbar.getChildren().add(new OnlineController(stage, with.theme(), with.dialogs(), settings,
                this::saveSettings, secrets, run, this::openLink).bar());
        root.setTop(toolbar);
        root.getStyleClass().add("window");
        // the window's size first, so the scene is laid out once at the size it is shown at
        geometry.restore(stage, settings.window());
        Scene scene = new Scene(root, stage.getWidth(), stage.getHeight());
        with.theme().style(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::globalKeys);
        scene.addEventFilter(KeyEvent.KEY_TYPED, this::slashFocusesSearch);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> AppTexts.get("window.title",
                files.displayNameProperty().get()) + (doc.isDirty() ? " \u2022" : ""),
                files.displayNameProperty(), doc.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (!close()) {
                e.consume();
            }
        });
        icons(stage);
        stage.getProperties().put(MainWindow.class, this);
    }

    /** Palette | canvas over the dock | inspector, at the remembered (or the design's) sizes. */
    private void layOutPanels() {
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().addAll(canvas, dock);
        centre.getStyleClass().add("centre-split");
        SplitPane.setResizableWithParent(dock, false);
        main.getItems().addAll(palette, centre, inspector);
        main.getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        // preferred sizes as in the design; without them wrapping texts ask for their one-line width
        palette.setMinWidth(160);
        palette.setPrefWidth(paletteWidth());
        inspector.setMinWidth(240);
        inspector.setPrefWidth(inspectorWidth());
        dock.setMinHeight(38);
        dock.setPrefHeight(dockHeight(Double.MAX_VALUE));
    }

    /** The app's message boxes, for tests. */
    Dialogs dialogs() {
        return with.dialogs();
    }

    /** The user's settings as this window uses them, for tests. */
    AppSettings appSettings() {
        return settings;
    }

    /** The window shown on the stage, for tests. */
    public static MainWindow of(Stage stage) {
        return (MainWindow) stage.getProperties().get(MainWindow.class);
    }

    public EditorDocument document() {
        return doc;
    }

    public DocumentFiles files() {
        return files;
    }

    public Autosave autosave() {
        return autosave;
    }

    public Stage stage() {
        return stage;
    }

    /** The embedded server that runs the open flow (Run / Stop, deploy, live events). */
    public LiveRun liveRun() {
        return run;
    }

    /** The Calls tab, its monitor and the kept call log. */
    public CallsTab calls() {
        return calls;
    }

    /** Run, Stop and Deploy of the open document, and what is not live yet. */
    public RunController runController() {
        return runController;
    }

    /** Shows the window and lays out the panels at their remembered sizes. */
    public void show() {
        stage.show();
        applyPanelSizes();
        // again after the first layout pass, when the window has its final size (a window manager may change it)
        Platform.runLater(this::applyPanelSizes);
        // the canvas has the focus at start (not the palette search), so its keys and "/" work at once
        canvas.requestFocus();
        Platform.runLater(canvas::requestFocus);
        run.warmUpSoon();
    }

    /**
     * Starts writing unsaved work to the recovery file every few seconds; the start calls this after its dialogs
     * (the restore question, the initial file and its import report), so nothing of this run is offered as lost.
     */
    public void startAutosave() {
        autosave.start();
    }

    /** What became of unsaved work from a previous run. */
    public enum RecoveryOutcome { NONE, RESTORED, DISCARDED }

    /** Offers to restore unsaved work found from a previous run that did not end cleanly. */
    public RecoveryOutcome offerRecovery() {
        Optional<Recovery> found = Recovery.read(autosave.file());
        if (found.isEmpty()) {
            return RecoveryOutcome.NONE;
        }
        Recovery r = found.get();
        String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(r.savedAt().atZone(java.time.ZoneId.systemDefault()));
        if (with.dialogs().askRestore(stage, DocumentFiles.recoveryName(r), time)) {
            files.restore(r);
            return RecoveryOutcome.RESTORED;
        }
        autosave.discard();
        return RecoveryOutcome.DISCARDED;
    }

    // ---- the centre ----

    private FlowCanvas createCanvas() {
        FlowCanvas c = new FlowCanvas(doc, with.types(), with.messages());
        c.setId("canvas");
        c.setMinSize(200, 120);
        SoundFileDrop.install(c, doc, with.types(), with.messages()); // a sound file dropped onto a card
        SoundImports.of(doc).setTrimSilence(settings::trimSilence);
        return c;
    }

    /** Adds a node of the type in the middle of the visible canvas (it becomes selected) and focuses the canvas. */
    void addNode(String typeId) {
        canvas.placeNode(typeId);
        canvas.requestFocus();
    }

    /** Selects a node (from Problems or the inspector's connections) and scrolls it into view. */
    void showNode(String nodeId) {
        if (doc.flow().contains(nodeId)) {
            doc.select(List.of(nodeId));
            canvas.reveal(nodeId);
        }
    }

    public FlowCanvas canvas() {
        return canvas;
    }

    /** The Problems panel, for tests. */
    public ProblemsPane problems() {
        return problems;
    }

    /** The dock under the canvas (its tabs), for tests. */
    public Dock dock() {
        return dock;
    }

    // ---- keys ----

    /** Actions whose keys win over a text field's own (undo, redo) are handled before any control sees the key. */
    private void globalKeys(KeyEvent e) {
        Actions.handle(e, actions.all().stream().filter(Action::isBeforeTextFields).toList());
    }

    /** The window's actions (the menus, the toolbar and the keys use these), for tests. */
    public Actions actions() {
        return actions;
    }

    private void slashFocusesSearch(KeyEvent e) {
        if ("/".equals(e.getCharacter()) && !(stage.getScene().getFocusOwner() instanceof TextInputControl)) {
            palette.focusSearch();
            e.consume();
        }
    }

    // ---- what the window's actions do ----

    void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(AppTexts.get("file.exportPng.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(AppTexts.get("file.filter.png"),
                "*.png"));
        String base = files.displayNameProperty().get().replaceFirst("\\.json$", "");
        chooser.setInitialFileName(base + ".png");
        Path dir = settings.lastDirectory();
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
        Path file = files.filePicker().save(chooser, stage);
        if (file != null) {
            try {
                FlowCanvas.exportPng(canvas, file);
            } catch (IOException e) {
                with.dialogs().error(stage, AppTexts.get("file.exportPng.failed"), file + ": " + e.getMessage());
            }
        }
    }

    /** Shows the Calls tab and asks for a call log file to show there (e.g. one written by run --call-log). */
    void openCallLog() {
        dock.select("calls");
        calls.pane().chooseLog();
    }

    void settings() {
        new SettingsDialog(stage, with.theme(), settings, this::saveSettings,
                mode -> ThemeFollower.follow(with.theme(), mode, null, 300), CallNotifier.desktopSupported())
                .showAndWait();
        problems.refreshFixes();
        calls.applySettings();
    }

    void quit() {
        if (close()) {
            stage.close();
        }
    }

    void welcome() {
        new WelcomeDialog(stage, with.theme(), settings, this::saveSettings, host, files::openSample, this::help)
                .show();
    }

    void help() {
        openLink(AppTexts.get("help.url"));
    }

    private void openLink(String address) {
        if (host != null) {
            host.showDocument(address);
        }
    }

    void about() {
        with.dialogs().about(stage);
    }

    // ---- closing ----

    /**
     * Asks about unsaved changes and, unless cancelled, ends cleanly: remembers window and panels, removes the
     * recovery file. Returns false when the user cancelled.
     */
    public boolean close() {
        if (closed) {
            return true;
        }
        if (!files.confirmDiscard()) {
            return false;
        }
        finish(false);
        return true;
    }

    /**
     * Ends without asking (the app is being stopped from outside): unsaved work stays in the recovery file, so
     * the next start offers it.
     */
    public void shutdown() {
        if (!closed) {
            if (doc.isDirty()) {
                autosave.tick();
            }
            finish(doc.isDirty());
        }
    }

    private void finish(boolean keepRecovery) {
        closed = true;
        simulator.shutdown();
        testCalls.shutdown();
        // windows this one opened without waiting for them (the welcome) go with it, so the app can exit
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != stage && w instanceof Stage s && s.getOwner() == stage) {
                s.close();
            }
        }
        settings.setWindow(geometry.capture(stage));
        // stored as the divider positions say (whole pixels), the same measure applyPanelSizes() sets: the panes
        // themselves are a divider's half narrower, which made the sizes shrink by a pixel on every start
        double w = main.getWidth();
        double h = centre.getHeight();
        if (w > 0 && main.getDividerPositions().length == 2) {
            settings.setPanel(PALETTE_WIDTH, Math.round(main.getDividerPositions()[0] * w));
            settings.setPanel(INSPECTOR_WIDTH, Math.round((1 - main.getDividerPositions()[1]) * w));
        }
        if (h > 0 && centre.getDividerPositions().length == 1) {
            settings.setPanel(DOCK_HEIGHT, Math.round((1 - centre.getDividerPositions()[0]) * h));
        }
        saveSettings();
        run.close(); // the embedded server stops with the window: no port stays taken (its call log is flushed)
        calls.close();
        autosave.stop(keepRecovery);
    }

    public void saveSettings() {
        try {
            store.save(settings);
        } catch (IOException e) {
            LOG.warn("Could not save settings to {}: {}", store.file(), e.getMessage());
        }
    }

    private void applyPanelSizes() {
        double w = main.getWidth() > 0 ? main.getWidth() : stage.getWidth();
        double h = centre.getHeight() > 0 ? centre.getHeight() : stage.getHeight() - 48;
        double paletteW = paletteWidth();
        double inspectorW = inspectorWidth();
        double dockH = dockHeight(h);
        if (w > paletteW + inspectorW + 200) {
            main.setDividerPositions(paletteW / w, 1 - inspectorW / w);
        }
        if (h > dockH + 120) {
            centre.setDividerPositions(1 - dockH / h);
        }
    }

    // A remembered size outside the usual range (saved from a squeezed or half-laid-out window) falls back to the
    // design's size, so that it cannot stick for ever.
    private double paletteWidth() {
        return withinOr(settings.panel(PALETTE_WIDTH, 200), 160, 280, 200);
    }

    private double inspectorWidth() {
        return withinOr(settings.panel(INSPECTOR_WIDTH, 280), 240, 360, 280);
    }

    private double dockHeight(double centreHeight) {
        return withinOr(settings.panel(DOCK_HEIGHT, 232), 38, Math.min(300, centreHeight * 0.45), 232);
    }

    private static double withinOr(double value, double min, double max, double fallback) {
        return value >= min && value <= max ? value : fallback;
    }

    private static void icons(Stage stage) {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var url = MainWindow.class.getResource("/icons/app/png/switchboard-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm(), true)); // decoded in the background
            }
        }
    }

}
