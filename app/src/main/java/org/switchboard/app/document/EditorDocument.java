package org.switchboard.app.document;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.sounds.FlowSounds;

/**
 * The document being edited: the current {@link Flow} value, its undo history, the selection, the file it belongs
 * to and whether it has unsaved changes. Every change to the flow goes through {@link #apply}, which makes it one
 * undoable, labelled step; selection, zoom and scroll are not edits. After each change the document derives one
 * {@link DocumentState} (flow, revision, problems by node) that every view reads, so the flow is checked once per
 * change, and only when someone looks. Lives on the JavaFX thread.
 */
public final class EditorDocument {

    private final ReadOnlyObjectWrapper<Flow> flow = new ReadOnlyObjectWrapper<>(this, "flow", Flow.empty());
    private final ObjectProperty<Flow> savedFlow = new SimpleObjectProperty<>(this, "savedFlow", Flow.empty());
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObservableSet<String> selectedNodes = FXCollections.observableSet();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final BooleanBinding dirty;
    private final History history = new History(500);
    private final BiFunction<Flow, Path, List<Problem>> checker;
    private final ObjectBinding<DocumentState> state;
    private long revision;
    private boolean edited;

    /** @param checker finds the problems of a flow (the engine's validator in the document's language) */
    public EditorDocument(Function<Flow, List<Problem>> checker) {
        this((f, file) -> checker.apply(f));
    }

    /**
     * @param checker finds the problems of a flow saved as the given file (null before the first save), so that
     *                what lies beside the file (its local sounds) is checked too; called again when the file changes
     */
    public EditorDocument(BiFunction<Flow, Path, List<Problem>> checker) {
        this.checker = checker;
        dirty = Bindings.createBooleanBinding(() -> !flow.get().equals(savedFlow.get()), flow, savedFlow);
        state = Bindings.createObjectBinding(() -> DocumentState.of(flow.get(), revision,
                this.checker.apply(flow.get(), file.get())), flow, file);
    }

    /**
     * A document whose problems are those the validator of {@code types} finds, worded in {@code messages}, and
     * those of its local sounds (missing or unreadable files beside the flow file), the same checks as
     * {@code validate} and {@code run}.
     */
    public static EditorDocument checkedBy(NodeTypes types, Messages messages) {
        FlowValidator validator = new FlowValidator(types);
        return new EditorDocument((f, file) -> {
            List<Problem> problems = validator.check(f, messages);
            Path folder = file == null ? null : file.toAbsolutePath().getParent();
            if (folder == null) {
                return problems;
            }
            List<Problem> all = new java.util.ArrayList<>(problems);
            all.addAll(FlowSounds.check(f, folder, types, messages));
            return all;
        });
    }

    /**
     * The state derived from the current flow; computed at most once per change. Views listen to
     * {@link #flowProperty()} and read this.
     */
    public DocumentState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<Flow> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    public Flow flow() {
        return flow.get();
    }

    /**
     * Applies one edit as one undoable step. Returns false (and records nothing) when the edit changes nothing.
     */
    public boolean apply(String label, UnaryOperator<Flow> edit) {
        return apply(label, null, edit);
    }

    /**
     * Applies an edit that merges with the previous one while they share {@code coalesceKey} (e.g.
     * "name:node7" while the user types), so a typed word is one undo step. Call {@link #sealEdits()} when the
     * user leaves the field.
     */
    public boolean apply(String label, String coalesceKey, UnaryOperator<Flow> edit) {
        Flow before = flow.get();
        Flow after = Objects.requireNonNull(edit.apply(before), "an edit must return a flow");
        if (after.equals(before)) {
            return false;
        }
        history.record(label, before, after, coalesceKey);
        edited = true;
        setFlow(after);
        dropMissingFromSelection();
        updateHistoryState();
        return true;
    }

    public void sealEdits() {
        history.seal();
    }

    public void undo() {
        History.Entry e = history.popUndo();
        if (e != null) {
            edited = true;
            setFlow(e.before());
            dropMissingFromSelection();
            updateHistoryState();
        }
    }

    public void redo() {
        History.Entry e = history.popRedo();
        if (e != null) {
            edited = true;
            setFlow(e.after());
            dropMissingFromSelection();
            updateHistoryState();
        }
    }

    /** Replaces the whole document (new, open, recover): clears history and selection. */
    public void reset(Flow newFlow, Path newFile, boolean markSaved) {
        history.clear();
        edited = false;
        selectedNodes.clear();
        file.set(newFile); // first: the new flow's problems include its local sounds beside this file
        setFlow(newFlow);
        savedFlow.set(markSaved ? newFlow : Flow.empty());
        updateHistoryState();
    }

    /**
     * Whether the user changed the flow since it was put into the document (new, open, import, restore): an import
     * or a restored flow is unsaved, but until it is edited it holds no work that its source does not hold.
     */
    public boolean editedSinceReset() {
        return edited;
    }

    /** Marks the current flow as saved to the given file. */
    public void markSaved(Path savedTo, Flow saved) {
        file.set(savedTo);
        savedFlow.set(saved);
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ObservableSet<String> selectedNodes() {
        return selectedNodes;
    }

    public void select(Collection<String> ids) {
        if (!selectedNodes.equals(Set.copyOf(ids))) {
            selectedNodes.retainAll(ids);
            selectedNodes.addAll(ids);
        }
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The label of the step undo would revert, e.g. "Move 3 nodes"; empty when there is none. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    private void setFlow(Flow f) {
        revision++;
        flow.set(f);
    }

    private void dropMissingFromSelection() {
        Flow f = flow.get();
        selectedNodes.removeIf(id -> !f.contains(id));
    }

    private void updateHistoryState() {
        History.Entry u = history.peekUndo();
        History.Entry r = history.peekRedo();
        canUndo.set(u != null);
        canRedo.set(r != null);
        undoLabel.set(u == null ? "" : u.label());
        redoLabel.set(r == null ? "" : r.label());
    }
}
