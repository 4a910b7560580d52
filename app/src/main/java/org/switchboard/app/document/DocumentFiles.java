package org.switchboard.app.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.files.LoadProblem;
import org.switchboard.engine.files.LoadedFlow;
import org.switchboard.engine.flow.Flow;

/**
 * File operations on the document: New, Open (Switchboard files and Node-RED exports), Save, Save As, recent
 * files, and the "Save changes?" question before anything would drop unsaved work. Saves are atomic (the engine's
 * {@link FlowFiles#save}); a file that cannot be read or written is reported in one line, and the document stays
 * as it was.
 */
public final class DocumentFiles {

    /** The file name ending Save proposes: the one the installed file association covers. */
    static final String FLOW_SUFFIX = ".flow.json";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentFiles.class);

    private final EditorDocument doc;
    private final AppSettings settings;
    private final Runnable saveSettings;
    private final Supplier<Window> owner;
    private final Autosave autosave;
    private final Dialogs dialogs;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    /** The name shown for the document: its file name, or a name for a document that has no file yet. */
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName");
    private String untitledName = AppTexts.get("document.untitled");
    private Runnable onOpened = () -> { };
    private FilePicker picker = FilePicker.SYSTEM;

    public DocumentFiles(EditorDocument doc, AppSettings settings, Runnable saveSettings, Supplier<Window> owner,
                         Autosave autosave, Dialogs dialogs) {
        this.doc = doc;
        this.dialogs = dialogs;
        this.settings = settings;
        this.saveSettings = saveSettings;
        this.owner = owner;
        this.autosave = autosave;
        recent.setAll(settings.recentFiles());
        doc.fileProperty().addListener((o, a, b) -> updateName());
        updateName();
    }

    /** Replaces the system file dialogs (tests answer them without a native dialog). */
    public void setFilePicker(FilePicker picker) {
        this.picker = picker;
    }

    public FilePicker filePicker() {
        return picker;
    }

    /** Called after another flow was put into the document (new, open, sample, restore), e.g. to fit the view. */
    public void setOnOpened(Runnable onOpened) {
        this.onOpened = onOpened;
    }

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    /** Recent files, newest first (at most {@link AppSettings#MAX_RECENT}). */
    public ObservableList<Path> recentFiles() {
        return recent;
    }

    // ---- the commands ----

    public boolean newDocument() {
        if (!confirmDiscard()) {
            return false;
        }
        startUntitled(Flow.empty(), AppTexts.get("document.untitled"), true);
        return true;
    }

    /** Asks for a file and opens it. */
    public boolean open() {
        if (!confirmDiscard()) {
            return false;
        }
        FileChooser chooser = chooser(AppTexts.get("file.open.title"));
        Path file = picker.open(chooser, owner.get());
        return file != null && load(file);
    }

    /** Opens the given file (recent files, the command line), asking about unsaved changes first. */
    public boolean open(Path file) {
        return confirmDiscard() && load(file);
    }

    /** Opens a flow bundled with the app (the samples) as a new, unsaved document. */
    public boolean openSample(String resource, String name) {
        if (!confirmDiscard()) {
            return false;
        }
        try (var in = DocumentFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not found");
            }
            Flow flow = FlowFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name).flow();
            startUntitled(flow.withName(AppTexts.sampleTitle(name, flow.name())), name, true);
            return true;
        } catch (IOException | FlowFileException e) {
            dialogs.error(owner.get(), AppTexts.get("file.open.failed"), name + ": " + e.getMessage());
            return false;
        }
    }

    public boolean save() {
        Path file = doc.file();
        return file == null ? saveAs() : write(file);
    }

    public boolean saveAs() {
        FileChooser chooser = chooser(AppTexts.get("file.saveAs.title"));
        // *.flow.json first: the name the installed file association opens with a double-click
        chooser.getExtensionFilters().add(0, new FileChooser.ExtensionFilter(AppTexts.get("file.filter.flowJson"),
                "*" + FLOW_SUFFIX));
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(0));
        if (chooser.getInitialDirectory() == null) {
            Path documents = documentsFolder();
            if (documents != null) {
                chooser.setInitialDirectory(documents.toFile());
            }
        }
        Path current = doc.file();
        chooser.setInitialFileName(current != null ? current.getFileName().toString() : suggestedFileName());
        Path file = picker.save(chooser, owner.get());
        if (file == null) {
            return false;
        }
        if (!file.getFileName().toString().contains(".")) {
            file = file.resolveSibling(file.getFileName() + FLOW_SUFFIX);
        }
        return write(file);
    }

    /**
     * Before the document is replaced or the window closes: asks "Save changes to X?" when there are unsaved
     * changes. Returns true when it is fine to go on (saved, or the user chose not to save).
     */
    public boolean confirmDiscard() {
        if (!doc.isDirty()) {
            return true;
        }
        switch (dialogs.askSave(owner.get(), displayName.get())) {
            case SAVE:
                return save();
            case DONT_SAVE:
                autosave.discard();
                return true;
            default:
                return false;
        }
    }

    /**
     * Brings back unsaved work after a crash. When its file can still be read, the document is that file plus one
     * undoable step "Restore unsaved changes", so the user can compare and undo; otherwise it is the recovered flow
     * alone, unsaved.
     */
    public void restore(Recovery recovery) {
        Path file = recovery.originalFile();
        if (file != null) {
            try {
                doc.reset(FlowFiles.load(file).flow(), file, true);
                doc.apply(AppTexts.get("edit.restore"), f -> recovery.flow());
                doc.sealEdits();
                onOpened.run();
                return;
            } catch (FlowFileException e) {
                LOG.info("Restoring without the original file {}: {}", file, e.getMessage());
            }
            doc.reset(recovery.flow(), file, false);
            updateName();
            onOpened.run();
            return;
        }
        startUntitled(recovery.flow(), recoveryName(recovery), false);
    }

    /** The name to show for a recovery in the restore question. */
    public static String recoveryName(Recovery recovery) {
        if (recovery.originalFile() != null) {
            return recovery.originalFile().getFileName().toString();
        }
        return recovery.name() != null && !recovery.name().isBlank() ? recovery.name()
                : AppTexts.get("document.untitled");
    }

    // ---- the work ----

    /** Loads a file into the document; reports a broken file in one line and keeps the current document. */
    public boolean load(Path file) {
        LoadedFlow loaded;
        try {
            loaded = FlowFiles.load(file);
        } catch (FlowFileException e) {
            LOG.info("Could not open {}: {}", file, e.getMessage());
            dialogs.error(owner.get(), AppTexts.get("file.open.failed"), e.getMessage());
            if (!Files.exists(file)) {
                forget(file);
            }
            return false;
        }
        rememberDirectory(file);
        if (loaded.source() == LoadedFlow.Source.NODE_RED) {
            // an export is converted, not edited in place: it gets saved under a new name
            String base = file.getFileName().toString().replaceFirst("\\.json$", "");
            startUntitled(loaded.flow(), AppTexts.get("document.imported", base), false);
            dialogs.importReport(owner.get(), file.getFileName().toString(),
                    loaded.problems().stream().map(LoadProblem::toString).toList());
        } else {
            doc.reset(loaded.flow(), file, true);
            onOpened.run();
            remember(file);
            if (!loaded.problems().isEmpty()) {
                List<String> lines = loaded.problems().stream().map(LoadProblem::toString).toList();
                LOG.info("Opened {} with notes: {}", file, lines);
            }
        }
        return true;
    }

    private boolean write(Path file) {
        Flow flow = doc.flow();
        try {
            FlowFiles.save(file, flow);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save {}: {}", file, e.toString());
            dialogs.error(owner.get(), AppTexts.get("file.save.failed"),
                    AppTexts.get("file.save.failedText", file.toString(), reason(e)));
            return false;
        }
        doc.markSaved(file, flow);
        doc.sealEdits();
        autosave.discard();
        remember(file);
        rememberDirectory(file);
        return true;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return AppTexts.get("file.error.denied");
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return AppTexts.get("file.error.noFolder");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A document without a file; {@code clean} false marks it as unsaved (an import must be saved to keep it). */
    private void startUntitled(Flow flow, String name, boolean clean) {
        untitledName = name;
        doc.reset(flow, null, clean);
        updateName();
        onOpened.run();
    }

    private void updateName() {
        Path f = doc.file();
        displayName.set(f != null ? f.getFileName().toString() : untitledName);
    }

    private String suggestedFileName() {
        String base = doc.flow().name().isBlank() ? untitledName : doc.flow().name();
        String safe = base.replaceAll("[\\\\/:*?\"<>|]", "").trim();
        return (safe.isEmpty() ? "flow" : safe) + FLOW_SUFFIX;
    }

    /** The user's documents folder ({@code ~/Documents} where there is one), else the home folder. */
    static Path documentsFolder() {
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank()) {
            return null;
        }
        Path documents = Path.of(home, "Documents");
        return Files.isDirectory(documents) ? documents : Files.isDirectory(Path.of(home)) ? Path.of(home) : null;
    }

    private void remember(Path file) {
        settings.addRecentFile(file);
        recent.setAll(settings.recentFiles());
        saveSettings.run();
    }

    private void forget(Path file) {
        settings.removeRecentFile(file);
        recent.setAll(settings.recentFiles());
        saveSettings.run();
    }

    public void clearRecent() {
        settings.clearRecentFiles();
        recent.clear();
        saveSettings.run();
    }

    private void rememberDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            settings.setLastDirectory(dir);
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(AppTexts.get("file.filter.flows"), "*.json"),
                new FileChooser.ExtensionFilter(AppTexts.get("file.filter.all"), "*"));
        Path dir = settings.lastDirectory();
        if (dir == null && doc.file() != null) {
            dir = doc.file().toAbsolutePath().getParent();
        }
        if (dir != null && Files.isDirectory(dir)) {
            chooser.setInitialDirectory(dir.toFile());
        }
        return chooser;
    }
}
