package org.switchboard.app.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.canvas.FlowCanvas;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.TestRuns;
import org.switchboard.app.problems.ProblemsPane;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.engine.calltests.TestCall;
import org.switchboard.engine.calltests.TestCallsFile;
import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.OutputPort;

/**
 * The open flow's test calls: read from {@code NAME.tests.json} beside its file (again whenever another file is
 * opened), kept there after every change, and run on a background thread against the flow as drawn now; the
 * newest request wins, older results are dropped. With the setting on, every edit runs them again (a moment after
 * the last edit of a burst). After a run each test shows pass or fail with its first difference, the failures are
 * counted for the tab's badge, and what no test reached is marked on the canvas and listed in Problems as info.
 * Used on the JavaFX thread.
 */
public final class TestCalls {

    private static final Logger LOG = LoggerFactory.getLogger(TestCalls.class);
    /** Edits within this time of each other make one run. */
    private static final Duration EDIT_SETTLE = Duration.millis(250);

    /** A test and how it went: {@code passed} null while it has not run on the flow as it is. */
    public record Item(TestCall test, Boolean passed, String difference) {
    }

    private final EditorDocument doc;
    private final NodeTypes types;
    private final Messages messages;
    private final FlowCanvas canvas;
    private final ProblemsPane problems;
    private final AppSettings settings;
    private final Runnable saveSettings;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper failures = new ReadOnlyIntegerWrapper(this, "failures");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ExecutorService worker = Background.thread("switchboard-tests");
    private final PauseTransition editSettle = new PauseTransition(EDIT_SETTLE);
    private long requested;
    /** Why the tests file could not be read; while set, it is never written (that would lose the tests in it). */
    private String unreadable;

    public TestCalls(EditorDocument doc, NodeTypes types, Messages messages, FlowCanvas canvas, ProblemsPane problems,
                     AppSettings settings, Runnable saveSettings) {
        this.doc = doc;
        this.types = types;
        this.messages = messages;
        this.canvas = canvas;
        this.problems = problems;
        this.settings = settings;
        this.saveSettings = saveSettings;
        editSettle.setOnFinished(e -> runAll());
        doc.fileProperty().addListener((o, a, b) -> {
            if (!java.util.Objects.equals(testsFile(a), testsFile(b))) {
                load();
            }
        });
        doc.flowProperty().addListener((o, a, b) -> edited());
        load();
    }

    public ObservableList<Item> items() {
        return items;
    }

    /** How many tests failed in the latest run (the tab's badge). */
    public ReadOnlyIntegerProperty failuresProperty() {
        return failures.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A line about the latest load, save or generation (empty when nothing to say). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public boolean rerunOnEdit() {
        return settings.rerunTests();
    }

    public void setRerunOnEdit(boolean on) {
        settings.setRerunTests(on);
        saveSettings.run();
        if (on) {
            runAll();
        }
    }

    /** Where the tests of the open flow live; null while the flow has no file. */
    public Path file() {
        return testsFile(doc.file());
    }

    private static Path testsFile(Path flowFile) {
        return flowFile == null ? null : TestCallsFile.besideFlow(flowFile);
    }

    private Path folder() {
        return doc.file() == null ? null : doc.file().toAbsolutePath().getParent();
    }

    public List<TestCall> tests() {
        return items.stream().map(Item::test).toList();
    }

    /** Reads the tests of the open flow's file and runs them. */
    void load() {
        requested++;
        Path file = file();
        List<TestCall> loaded = List.of();
        status.set("");
        unreadable = null;
        if (file != null && Files.exists(file)) {
            try {
                loaded = TestCallsFile.load(file);
            } catch (FlowFileException e) {
                unreadable = AppTexts.get("tests.loadFailed", e.getMessage());
                status.set(unreadable);
            }
        }
        items.setAll(loaded.stream().map(t -> new Item(t, null, null)).toList());
        showOutcome(List.of(), null);
        runAll();
    }

    /**
     * Adds a test under a name no other test has (a number is added if needed), saves the file and runs all
     * tests. Returns the name used, or null when it could not be saved (the status says why).
     */
    public String add(TestCall test) {
        if (file() == null) {
            status.set(AppTexts.get("sim.saveFirst"));
            return null;
        }
        String name = uniqueName(test.name());
        List<TestCall> next = new ArrayList<>(tests());
        next.add(test.withName(name));
        if (!save(next)) {
            return null;
        }
        items.add(new Item(test.withName(name), null, null));
        status.set(AppTexts.get("sim.saved", name, file().getFileName()));
        runAll();
        return name;
    }

    public void remove(TestCall test) {
        List<TestCall> next = new ArrayList<>(tests());
        if (next.remove(test) && save(next)) {
            items.removeIf(i -> i.test().equals(test));
            runAll();
        }
    }

    /**
     * Generates one test per path through the flow as drawn and adds those that play a call no saved test plays
     * (saved tests are never replaced), saves the file and runs all tests.
     */
    public void generate() {
        if (file() == null || unreadable != null) {
            status.set(unreadable != null ? unreadable : AppTexts.get("sim.saveFirst"));
            return;
        }
        Flow flow = doc.flow();
        Path folder = folder();
        ++requested;
        running.set(true);
        worker.submit(() -> {
            List<TestCall> made;
            try {
                made = TestRuns.generate(flow, types, folder, messages);
            } catch (RuntimeException e) {
                LOG.warn("Generating test calls failed", e);
                Platform.runLater(() -> {
                    running.set(false);
                    status.set(AppTexts.get("sim.row.failed", e.getMessage()));
                });
                return;
            }
            Platform.runLater(() -> {
                List<TestCall> all = new ArrayList<>(tests());
                Set<String> names = new HashSet<>();
                Set<List<Object>> played = new HashSet<>();
                all.forEach(t -> {
                    names.add(t.name());
                    played.add(List.of(t.call(), t.inputs()));
                });
                int added = 0;
                for (TestCall t : made) {
                    if (played.add(List.of(t.call(), t.inputs()))) {
                        String name = t.name();
                        for (int n = 2; names.contains(name); n++) {
                            name = t.name() + " (" + n + ")";
                        }
                        names.add(name);
                        all.add(t.withName(name));
                        added++;
                    }
                }
                if (save(all)) {
                    items.setAll(all.stream().map(t -> new Item(t, null, null)).toList());
                    status.set(AppTexts.get("tests.generated", added, file().getFileName()));
                }
                running.set(false);
                runAll();
            });
        });
    }

    private boolean save(List<TestCall> tests) {
        if (unreadable != null) {
            status.set(unreadable);
            return false;
        }
        try {
            TestCallsFile.save(file(), tests);
            return true;
        } catch (IOException e) {
            status.set(AppTexts.get("sim.saveFailed", e.getMessage()));
            return false;
        }
    }

    private String uniqueName(String wanted) {
        Set<String> taken = new HashSet<>();
        tests().forEach(t -> taken.add(t.name()));
        String name = wanted;
        for (int n = 2; taken.contains(name); n++) {
            name = wanted + " (" + n + ")";
        }
        return name;
    }

    private void edited() {
        if (settings.rerunTests() && !items.isEmpty()) {
            editSettle.playFromStart();
        }
    }

    /** Runs every test against the flow as drawn now, in the background; a later request replaces this one. */
    public void runAll() {
        editSettle.stop();
        long mine = ++requested;
        List<TestCall> tests = tests();
        if (tests.isEmpty()) {
            showOutcome(List.of(), null);
            return;
        }
        Flow flow = doc.flow();
        Path folder = folder();
        running.set(true);
        worker.submit(() -> {
            if (mine != requested) {
                return; // a newer edit or request came while this one waited
            }
            TestRuns.Report report;
            try {
                report = TestRuns.run(flow, types, folder, tests, messages);
            } catch (RuntimeException e) {
                LOG.warn("Running test calls failed", e);
                Platform.runLater(() -> {
                    if (mine == requested) {
                        running.set(false);
                        status.set(AppTexts.get("sim.row.failed", e.getMessage()));
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                if (mine == requested && tests.equals(tests())) {
                    showOutcome(report.outcomes(), report);
                    running.set(false);
                }
            });
        });
    }

    private void showOutcome(List<TestRuns.Outcome> outcomes, TestRuns.Report report) {
        if (report != null) {
            List<Item> next = new ArrayList<>();
            for (TestRuns.Outcome o : outcomes) {
                next.add(new Item(o.test(), o.passed(), o.difference()));
            }
            items.setAll(next);
        }
        failures.set((int) items.stream().filter(i -> Boolean.FALSE.equals(i.passed())).count());
        if (report == null) {
            running.set(false);
            canvas.showUntested(List.of(), Map.of());
            problems.setInfos(List.of());
            return;
        }
        Map<String, Set<String>> outputs = new HashMap<>();
        List<Problem> notes = new ArrayList<>();
        Flow flow = doc.flow();
        for (FlowNode node : flow.nodes()) {
            if (report.untestedNodes().contains(node.id())) {
                notes.add(Problem.info(node.id(), null, AppTexts.get("tests.untestedNode")));
            }
        }
        for (TestRuns.Output o : report.untestedOutputs()) {
            outputs.computeIfAbsent(o.nodeId(), k -> new HashSet<>()).add(o.port());
            if (!report.untestedNodes().contains(o.nodeId()) && flow.contains(o.nodeId())) {
                notes.add(Problem.info(o.nodeId(), null, AppTexts.get("tests.untestedOutput",
                        outputLabel(flow.nodeOrNull(o.nodeId()), o.port()))));
            }
        }
        canvas.showUntested(report.untestedNodes(), outputs);
        problems.setInfos(notes);
    }

    private String outputLabel(FlowNode node, String port) {
        NodeType type = types.get(node.type());
        if (type != null) {
            for (OutputPort p : type.outputs(node, messages)) {
                if (p.id().equals(port)) {
                    return p.label() == null || p.label().isBlank() ? port : p.label();
                }
            }
        }
        return port;
    }

    /** Stops the background thread (the window is closing). */
    public void shutdown() {
        requested++;
        worker.shutdownNow();
    }
}
