package org.switchboard.app.document;

import java.util.ArrayDeque;
import java.util.Deque;

import org.switchboard.engine.flow.Flow;

/**
 * Undo/redo as labelled pairs of flow values. Because flows are immutable and share unchanged nodes, an entry costs
 * little. Consecutive edits with the same coalesce key (e.g. typing into one field) merge into one entry until
 * {@link #seal()} is called (focus moved, another edit, undo).
 */
public final class History {

    /** One undoable step. */
    public record Entry(String label, Flow before, Flow after, String coalesceKey) {
    }

    private final int limit;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private boolean sealed = true;

    public History(int limit) {
        this.limit = limit;
    }

    void record(String label, Flow before, Flow after, String coalesceKey) {
        redo.clear();
        Entry last = undo.peek();
        if (!sealed && coalesceKey != null && last != null && coalesceKey.equals(last.coalesceKey())) {
            undo.pop();
            undo.push(new Entry(last.label(), last.before(), after, coalesceKey));
        } else {
            undo.push(new Entry(label, before, after, coalesceKey));
            if (undo.size() > limit) {
                undo.removeLast();
            }
        }
        sealed = coalesceKey == null;
    }

    /** Ends the current run of coalescing edits. */
    public void seal() {
        sealed = true;
    }

    Entry popUndo() {
        sealed = true;
        Entry e = undo.poll();
        if (e != null) {
            redo.push(e);
        }
        return e;
    }

    Entry popRedo() {
        sealed = true;
        Entry e = redo.poll();
        if (e != null) {
            undo.push(e);
        }
        return e;
    }

    public Entry peekUndo() {
        return undo.peek();
    }

    public Entry peekRedo() {
        return redo.peek();
    }

    void clear() {
        undo.clear();
        redo.clear();
        sealed = true;
    }
}
