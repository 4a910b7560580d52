package org.switchboard.app.live;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import org.switchboard.engine.calllog.CallLogReader;
import org.switchboard.engine.calllog.CallTracker;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * The calls the app shows, newest first: the kept call log read back (off the JavaFX thread) and every call the
 * running flow handles, followed through the engine's events (delivered per frame by {@link LiveRun#subscribe}).
 * The list changes at most {@link #MAX_UPDATES_PER_SECOND} times a second however many pushes arrive, so a busy
 * line does not flood the table. Memory stays bounded: at most {@link #MAX_CALLS} calls are kept (the oldest go
 * first), each with at most {@link #MAX_PUSHES} pushes, and at most {@link #MAX_OPEN} unended calls are followed.
 * Use it on the JavaFX thread.
 */
public final class CallMonitor implements AutoCloseable {

    public static final int MAX_CALLS = 10_000;
    public static final int MAX_PUSHES = 200;
    public static final int MAX_OPEN = 1_000;
    /**
     * A lone push shows at once (the pushes of one call come seconds apart); only a flood is gathered. Under 200
     * pushes a second on a 2-core machine, the canvas's 95th-percentile frame is 16–18 ms with 4 or 10 updates a
     * second, against 16 ms without load (docs/benchmarks.md, Calls tab); 4 leaves more of each second to the canvas.
     */
    public static final int MAX_UPDATES_PER_SECOND = 4;
    /** How many of a log's newest calls are shown before the rest of the file is read. */
    public static final int FIRST_ROWS = 100;

    private final LiveRun run;
    private final CallTracker tracker;
    private final CallList calls = new CallList();
    /** One wrapper for everyone: a wrapper holds its listeners only as long as it lives itself. */
    private final ObservableList<LoggedCall> readOnly = FXCollections.unmodifiableObservableList(calls);
    private final Map<String, LoggedCall> pending = new LinkedHashMap<>();
    private final PauseTransition flushLater = new PauseTransition();
    private final LiveRun.Subscription subscription;
    private Consumer<LoggedCall> onIncoming = c -> { };
    private long lastFlush = Long.MIN_VALUE / 2;
    private long updates;
    /** Counts loads and clears, so a load that an other one overtook shows nothing. */
    private long loads;

    public CallMonitor(LiveRun run, Clock clock) {
        this.run = Objects.requireNonNull(run);
        this.tracker = new CallTracker(clock, MAX_OPEN, MAX_PUSHES);
        flushLater.setOnFinished(e -> flush());
        subscription = run.subscribe(this::onFrame);
    }

    /** The shown calls, newest first; changed on the JavaFX thread, at most 4 times a second. */
    public ObservableList<LoggedCall> calls() {
        return readOnly;
    }

    /** Called with each new call at its first push (on the JavaFX thread), e.g. for a notification. */
    public void setOnIncoming(Consumer<LoggedCall> action) {
        onIncoming = action == null ? c -> { } : action;
    }

    /** How often the list has changed because of live events (for the benchmark). */
    public long updates() {
        return updates;
    }

    private void onFrame(List<RuntimeEvent> events) {
        for (RuntimeEvent e : events) {
            LoggedCall call = tracker.accept(e);
            if (call != null) {
                pending.put(call.callId(), call);
                if (call.pushes().size() == 1 && call.inProgress()) {
                    onIncoming.accept(call);
                }
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long wait = lastFlush + 1_000_000_000L / MAX_UPDATES_PER_SECOND - now;
        if (wait <= 0) {
            flush();
        } else if (flushLater.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            flushLater.setDuration(Duration.millis(wait / 1_000_000.0));
            flushLater.playFromStart();
        }
    }

    private void flush() {
        lastFlush = System.nanoTime();
        if (pending.isEmpty()) {
            return;
        }
        updates++;
        List<LoggedCall> changed = new ArrayList<>(pending.values());
        pending.clear();
        calls.batch(() -> { // one change for the table and the tab, however many calls changed
            // new calls first (at the top), then the changed ones where they are now: the new calls moved them down
            List<LoggedCall> added = new ArrayList<>();
            Map<Integer, LoggedCall> updated = new LinkedHashMap<>();
            for (LoggedCall call : changed) {
                int at = indexOf(call.callId());
                if (at >= 0) {
                    updated.put(at, call);
                } else {
                    added.add(call);
                }
            }
            if (!added.isEmpty()) {
                added.sort(Comparator.comparing(LoggedCall::start).reversed());
                calls.addAll(0, added);
            }
            updated.forEach((at, call) -> calls.update(at + added.size(), call));
            trim();
        });
    }

    /** Live calls are at the top, so the search usually ends after a few rows. */
    private int indexOf(String callId) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).callId().equals(callId)) {
                return i;
            }
        }
        return -1;
    }

    private void trim() {
        if (calls.size() > MAX_CALLS) {
            calls.remove(MAX_CALLS, calls.size());
        }
    }

    /**
     * Reads a call log (the app's own at start, or one written by {@code run --call-log}) on a background thread
     * and shows its calls, newest first, instead of those shown before (calls followed live stay). The newest
     * {@link #FIRST_ROWS} calls come first, read from the end of the file, so the list fills at once however long the
     * log is; then the whole file is read and the list shows all its calls (up to {@link #MAX_CALLS}). Completes on
     * the JavaFX thread, once all are shown, with how many lines could not be read (a torn last line, damage), or
     * fails with a plain message. A later load or {@link #clear} makes an earlier one show nothing more.
     */
    public CompletableFuture<Integer> load(Path file) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        long generation = ++loads;
        Thread t = new Thread(() -> {
            try {
                List<LoggedCall> first = newest(file);
                if (!first.isEmpty()) {
                    Platform.runLater(() -> {
                        if (generation == loads) {
                            show(first);
                        }
                    });
                }
                CallLogReader.Result read = CallLogReader.read(file);
                List<LoggedCall> newest = new ArrayList<>(read.calls());
                newest.sort(Comparator.comparing(LoggedCall::start).reversed());
                if (newest.size() > MAX_CALLS) {
                    newest = new ArrayList<>(newest.subList(0, MAX_CALLS));
                }
                List<LoggedCall> shown = newest;
                Platform.runLater(() -> {
                    if (generation == loads) {
                        show(shown);
                    }
                    done.complete(read.skippedLines());
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> done.completeExceptionally(e));
            }
        }, "switchboard-call-log-read");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** The newest calls, for a first look; none when they cannot be read (the full read then says why). */
    private static List<LoggedCall> newest(Path file) {
        try {
            return CallLogReader.readNewest(file, FIRST_ROWS);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void show(List<LoggedCall> fromLog) {
        List<LoggedCall> all = new ArrayList<>();
        Set<String> logged = new HashSet<>();
        fromLog.forEach(l -> logged.add(l.callId()));
        for (LoggedCall c : calls) {
            if (c.inProgress() && !logged.contains(c.callId())) {
                all.add(c);
            }
        }
        all.addAll(fromLog);
        calls.batch(() -> {
            calls.setAll(all);
            trim();
        });
    }

    /**
     * Removes the kept call log and empties the list. While a run writes to the file it is emptied in place (the
     * run keeps appending to it), else it is deleted.
     */
    public void clear(Path file) throws IOException {
        if (file != null && Files.exists(file)) {
            if (run.getStatus().serving() && file.equals(run.callLogFile())) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                }
            } else {
                Files.delete(file);
            }
        }
        loads++;
        pending.clear();
        calls.clear();
    }

    @Override
    public void close() {
        flushLater.stop();
        subscription.close();
    }
}
