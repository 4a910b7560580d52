package org.switchboard.app.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.canvas.FlowCanvas;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.SimulatorSession;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.app.sounds.SoundPlayer;
import org.switchboard.engine.calltests.Experience;
import org.switchboard.engine.calltests.Input;
import org.switchboard.engine.calltests.TestCall;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The Simulator tab: call the flow as drawn now without a phone. Caller and called number, direction and Call
 * (Hang up while a call runs, with its timer); a keypad (and the keyboard's digits, * and #) and "Let it time out"
 * while a menu waits; while a forwarded call rings, what the called party does; a transcript of what the caller
 * experiences, step by step; "Save as test". Each call runs on a private server on 127.0.0.1 ({@link
 * SimulatorSession}) on a background thread; results come back to the JavaFX thread. The node the call is at glows
 * on the canvas and the path it took stays lit until the next call. Local sounds the caller hears are played aloud.
 */
public final class SimulatorPane extends HBox {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorPane.class);

    /** Plays a sound file's bytes; null or a problem in words. Replaced in tests (no loudspeaker there). */
    static Function<byte[], String> player = SoundPlayer::play;

    private final EditorDocument doc;
    private final NodeTypes types;
    private final Messages messages;
    private final FlowCanvas canvas;
    private final TestCalls tests;
    private final ExecutorService worker = Background.thread("switchboard-simulator");
    private final ExecutorService sounds = Background.thread("switchboard-simulator-sound");

    private final CallForm form = new CallForm(this::callOrHangUp);
    private final CallControls controls = new CallControls(this::press, this::letItTimeOut,
            does -> perform(new Input.CalledParty(does), null), this::answerThenHangUp);
    private final Label hint = new Label(AppTexts.get("sim.idle"));
    private final TranscriptView transcript;
    private final Label status = new Label();
    private final TextField testName = new TextField();
    private final Button save = new Button(AppTexts.get("sim.saveAs"));
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final PauseTransition hangUpLater = new PauseTransition();
    private final javafx.event.EventHandler<KeyEvent> keyFilter = this::keyTyped;

    private SimulatorSession session;
    private SimulatorSession.State state;
    private TestCall.Setup setup;
    private Flow callFlow;
    private Path callFolder;
    private long started;
    private boolean busy;
    private boolean callOn;
    private boolean soundNoted;
    private boolean hangUpPending;
    private final StringBuilder digits = new StringBuilder();

    public SimulatorPane(EditorDocument doc, NodeTypes types, Messages messages, FlowCanvas canvas, TestCalls tests) {
        this.doc = doc;
        this.types = types;
        this.messages = messages;
        this.canvas = canvas;
        this.tests = tests;
        getStyleClass().add("simulator");
        getStylesheets().add(SimulatorPane.class.getResource("simulator.css").toExternalForm());
        setId("simulator");
        transcript = new TranscriptView(this::chip);

        VBox right = transcriptColumn();
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(form, controls, right);

        clock.setCycleCount(Animation.INDEFINITE);

        // the keyboard's digits work wherever the focus is (the canvas, usually) while this tab is shown
        sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_TYPED, keyFilter);
            }
            if (b != null) {
                b.addEventFilter(KeyEvent.KEY_TYPED, keyFilter);
            }
        });
        show();
    }

    // ---- layout ----

    private VBox transcriptColumn() {
        hint.getStyleClass().add("sim-hint");
        hint.setWrapText(true);
        hint.setId("sim-hint");
        StackPane list = new StackPane(transcript);
        VBox.setVgrow(list, Priority.ALWAYS);
        status.getStyleClass().add("sim-status");
        status.setId("sim-status");
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> note != null ? note : tests.statusProperty().get(), tests.statusProperty(), noteChanged));
        HBox.setHgrow(status, Priority.ALWAYS);
        testName.setId("sim-test-name");
        testName.setPromptText(AppTexts.get("sim.testName"));
        testName.setPrefColumnCount(14);
        save.setId("sim-save");
        save.getStyleClass().add("small-button");
        save.setGraphic(Glyphs.ui("save", 13));
        save.setOnAction(e -> saveAsTest());
        save.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(8, status, testName, save);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("sim-footer");
        VBox column = new VBox(hint, list, footer);
        column.getStyleClass().add("sim-transcript-column");
        return column;
    }

    private final javafx.beans.property.SimpleIntegerProperty noteChanged = new javafx.beans.property
            .SimpleIntegerProperty();
    private String note;
    private String typedNote;

    private void setNote(String text) {
        note = text;
        noteChanged.set(noteChanged.get() + 1);
    }

    private Node chip(String nodeId) {
        Flow flow = callFlow != null ? callFlow : doc.flow();
        FlowNode node = flow.nodeOrNull(nodeId);
        return node == null ? null : Glyphs.nodeChip(node, types.get(node.type()), messages);
    }

    // ---- what the controls show ----

    /** Brings the controls in line with where the call stands. */
    private void show() {
        boolean waiting = callOn && state != null && state.awaitingDigits() && !busy;
        boolean ringing = callOn && state != null && state.ringing() && !busy;
        controls.show(waiting, ringing);
        form.show(callOn, busy);
        if (digits.length() > 0) {
            setNote(AppTexts.get("sim.typed", digits));
        } else if (note != null && note.equals(typedNote)) {
            setNote(null);
        }
        typedNote = digits.length() > 0 ? note : null;
        hint.setVisible(transcript.rows().isEmpty());
        hint.setManaged(transcript.rows().isEmpty());
        save.setDisable(state == null || busy);
    }

    private String elapsed() {
        long s = started == 0 ? 0 : (System.nanoTime() - started) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    private void tick() {
        form.setTime(elapsed());
    }

    private void row(String icon, String text, String nodeId, boolean action) {
        transcript.add(new TranscriptView.Row(elapsed(), icon, text, nodeId, action, callOn));
    }

    // ---- the call ----

    private void callOrHangUp() {
        if (callOn) {
            hangUp();
        } else {
            call();
        }
    }

    /** Starts a call to the flow as drawn now. */
    public void call() {
        if (callOn || busy) {
            return;
        }
        callFlow = doc.flow();
        callFolder = doc.file() == null ? null : doc.file().toAbsolutePath().getParent();
        setup = form.setup();
        String dir = setup.direction();
        state = null;
        digits.setLength(0);
        soundNoted = false;
        hangUpPending = false;
        setNote(null);
        transcript.rows().clear();
        canvas.clearPath();
        canvas.showCallStates(java.util.Map.of());
        started = System.nanoTime();
        form.setTime("00:00");
        clock.playFromStart();
        callOn = true;
        busy = true;
        row("incoming", AppTexts.get("out".equals(dir) ? "sim.row.callOut" : "sim.row.call", setup.from(),
                setup.to()), null, true);
        show();
        Flow flow = callFlow;
        Path folder = callFolder;
        TestCall.Setup s = setup;
        worker.submit(() -> {
            try {
                SimulatorSession started = SimulatorSession.start(flow, types, folder, s);
                SimulatorSession.State first = started.snapshot();
                Platform.runLater(() -> {
                    session = started;
                    arrived(first, null);
                });
            } catch (RuntimeException e) {
                LOG.warn("The test call could not start", e);
                Platform.runLater(() -> failed(e));
            }
        });
    }

    /** The caller hangs up (at any moment). */
    public void hangUp() {
        if (!callOn) {
            return;
        }
        hangUpLater.stop();
        if (session == null || busy) {
            hangUpPending = true; // still starting, or a step is on its way: hang up as soon as it is back
            return;
        }
        perform(new Input.CallerHangsUp(), null);
    }

    private void press(String key) {
        if (!callOn || busy || state == null || !state.awaitingDigits()) {
            return;
        }
        digits.append(key);
        if (digits.length() >= Math.max(1, state.maxDigits()) || "#".equals(key)) {
            sendDigits();
        } else {
            show();
        }
    }

    private void sendDigits() {
        String keys = digits.toString();
        digits.setLength(0);
        perform(keys.isEmpty() ? new Input.Timeout() : new Input.Press(keys), null);
    }

    /** The menu's time runs out: sipgate posts what was typed so far, or no key. */
    private void letItTimeOut() {
        if (callOn && !busy && state != null && state.awaitingDigits()) {
            sendDigits();
        }
    }

    private void answerThenHangUp(int after) {
        perform(new Input.CalledParty("answers"), () -> {
            hangUpLater.setDuration(Duration.seconds(after));
            hangUpLater.setOnFinished(e -> {
                if (callOn && session != null && !busy) {
                    perform(new Input.CallerHangsUp(), null,
                            AppTexts.get("sim.row.hangsUpAfter", after), "hangup");
                }
            });
            hangUpLater.playFromStart();
        });
    }

    private void perform(Input input, Runnable then) {
        perform(input, then, null, null);
    }

    /** Plays one input on the worker; its row first, then what the flow made of it. */
    private void perform(Input input, Runnable then, String text, String icon) {
        if (session == null || busy) {
            return;
        }
        busy = true;
        String said = text != null ? text : Steps.capital(input.describe(messages));
        row(icon != null ? icon : Steps.iconOf(input), said, null, true);
        show();
        SimulatorSession s = session;
        worker.submit(() -> {
            try {
                SimulatorSession.State next = s.apply(input);
                Platform.runLater(() -> {
                    arrived(next, then);
                });
            } catch (RuntimeException e) {
                LOG.warn("A step of the test call failed", e);
                Platform.runLater(() -> failed(e));
            }
        });
    }

    /** A step's result, on the JavaFX thread. */
    private void arrived(SimulatorSession.State next, Runnable then) {
        int before = state == null ? 0 : state.experiences().size();
        busy = false;
        if (next.unusedWhy() != null) {
            row("info", AppTexts.get("sim.row.unused", messages.get(next.unusedWhy())), null, false);
        }
        String at = next.currentNode() != null ? next.currentNode()
                : next.visited().isEmpty() ? null : next.visited().get(next.visited().size() - 1);
        List<Experience> fresh = next.experiences().subList(before, next.experiences().size());
        state = next;
        for (Experience x : fresh) {
            row(Steps.iconOf(x), Steps.capital(x.describe(messages)), at, false);
            if (x instanceof Experience.Hears h) {
                playLater(h.sound());
            }
        }
        List<String> live = next.currentNode() == null ? List.of() : List.of(next.currentNode());
        List<String> visited = new ArrayList<>(next.visited());
        if (next.currentNode() == null && at != null) {
            visited.add(at);
        }
        canvas.showPath(live, visited, next.wires());
        String doing = next.ended() || next.currentNode() == null ? null
                : next.ringing() ? "sim.state.ringing" : next.awaitingDigits() ? "sim.state.waiting"
                : next.answered() ? "sim.state.connected" : null;
        canvas.showCallStates(doing == null ? java.util.Map.of()
                : java.util.Map.of(next.currentNode(), AppTexts.get(doing)));
        if (next.ended()) {
            endCall();
        } else if (hangUpPending) {
            hangUpPending = false;
            perform(new Input.CallerHangsUp(), null);
        } else {
            if (next.answered() && !next.ringing() && !soundNoted) {
                setNote(AppTexts.get("sim.connected"));
            }
            if (then != null) {
                then.run();
            }
        }
        show();
    }

    private void failed(RuntimeException e) {
        busy = false;
        canvas.showCallStates(java.util.Map.of());
        row("error", AppTexts.get("sim.row.failed", e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage()), null, false);
        endCall();
        show();
    }

    /** The call is over: the path stays lit; its server stops in the background. */
    private void endCall() {
        callOn = false;
        clock.stop();
        tick();
        hangUpLater.stop();
        digits.setLength(0);
        transcript.settle();
        if (!soundNoted) {
            setNote(AppTexts.get("sim.ended"));
        }
        if (testName.getText().isBlank() && state != null) {
            testName.setText(suggestedName(state));
        }
        SimulatorSession s = session;
        session = null;
        if (s != null) {
            worker.submit(s::close);
        }
    }

    private String suggestedName(SimulatorSession.State st) {
        List<String> parts = new ArrayList<>();
        for (Input i : st.inputs()) {
            if (!(i instanceof Input.CallerHangsUp)) {
                parts.add(i.describe(messages));
            }
        }
        String from = AppTexts.get("sim.row.call", setup.from(), setup.to());
        return parts.isEmpty() ? from : Steps.capital(String.join(", ", parts));
    }

    private void saveAsTest() {
        if (state == null) {
            return;
        }
        String name = testName.getText().isBlank() ? suggestedName(state) : testName.getText().strip();
        TestCall test = new TestCall(name, setup, state.inputs(), state.experiences());
        if (tests.add(test) != null) {
            testName.clear();
        }
        setNote(null);
    }

    // ---- sounds and keys ----

    /** Plays a local sound of the flow aloud, off the JavaFX thread; a sound on the web is only named. */
    private void playLater(String sound) {
        Path folder = callFolder;
        if (folder == null || sound == null || !SoundRef.LOCAL_FILE.matcher(sound).matches()) {
            return;
        }
        sounds.submit(() -> {
            String problem;
            try {
                problem = player.apply(Files.readAllBytes(folder.resolve(sound)));
            } catch (IOException e) {
                problem = e.getMessage();
            }
            String shown = problem;
            if (shown != null) {
                Platform.runLater(() -> {
                    if (!soundNoted) {
                        soundNoted = true;
                        setNote(AppTexts.get("sim.sound.notPlayed", shown));
                    }
                });
            }
        });
    }

    private void keyTyped(KeyEvent e) {
        String c = e.getCharacter();
        boolean plain = !e.isControlDown() && !e.isMetaDown() && !e.isAltDown() && !e.isShortcutDown();
        if (plain && c.length() == 1 && "0123456789*#".contains(c) && !(e.getTarget() instanceof TextInputControl)
                && isVisible() && callOn && state != null && state.awaitingDigits()) {
            press(c);
            e.consume();
        }
    }

    /** Whether a call is on (for tests). */
    boolean callOn() {
        return callOn;
    }

    /** Ends a call in progress and stops the background threads (the window is closing). */
    public void shutdown() {
        SimulatorSession s = session;
        session = null;
        worker.shutdownNow();
        sounds.shutdownNow();
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the test call", e);
            }
        }
    }
}
