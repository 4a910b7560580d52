package org.switchboard.app.live;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ModifiableObservableListBase;

import org.switchboard.engine.calllog.LoggedCall;

/**
 * The monitor's list of calls: an observable list whose changes made in {@link #batch} reach the listeners as one
 * change (with a part for each edit), so the table, its filter and the tab's selection handle a list update once
 * however many calls it touched. A call that changed is reported as an update of its row ({@link #update}), not as
 * a replacement: a TableView treats any replacement as a new list and lays out all its rows anew from empty ones,
 * which on every list update cost the canvas its frames under a busy line.
 */
final class CallList extends ModifiableObservableListBase<LoggedCall> {

    private final List<LoggedCall> calls = new ArrayList<>();

    /** Runs {@code edits} on this list; listeners hear of them once, after all. */
    void batch(Runnable edits) {
        beginChange();
        try {
            edits.run();
        } finally {
            endChange();
        }
    }

    /** Puts the newer state of the call at {@code index} there, reported as an update of that row. */
    void update(int index, LoggedCall call) {
        beginChange();
        try {
            calls.set(index, call);
            nextUpdate(index);
        } finally {
            endChange();
        }
    }

    @Override
    public LoggedCall get(int index) {
        return calls.get(index);
    }

    @Override
    public int size() {
        return calls.size();
    }

    @Override
    protected void doAdd(int index, LoggedCall call) {
        calls.add(index, call);
    }

    @Override
    protected LoggedCall doSet(int index, LoggedCall call) {
        return calls.set(index, call);
    }

    @Override
    protected LoggedCall doRemove(int index) {
        return calls.remove(index);
    }
}
