package org.switchboard.app.inspector;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.sounds.Background;
import org.switchboard.app.sounds.Recorder;
import org.switchboard.app.sounds.SoundImports;
import org.switchboard.app.sounds.SoundPlayer;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.sounds.SoundConverter;

/**
 * Recording from the microphone for a sound property: Record, then a level meter with the time and Stop; then the
 * recording, converted as sipgate gets it, with Listen, Keep (stored in the sounds folder beside the flow like a
 * chosen file) and Discard. Without a microphone there is no Record button, only a line that says so.
 */
final class RecordPane extends VBox {

    private final NodeEdits edits;
    private final PropertySpec spec;
    private final String key;
    private final Button record;
    private final Button stop;
    private final Button listen;
    private final Button keep;
    private final Button discard;
    private final ProgressBar meter = new ProgressBar(0);
    private final Label time = new Label();
    private final Label recorded = new Label();
    private final Label status = new Label();
    private final HBox recording;
    private final HBox result;
    private final Timeline tick = new Timeline(new KeyFrame(javafx.util.Duration.millis(50), e -> update()));
    private Recorder recorder;
    private byte[] converted;
    private String recordedName = "";
    private boolean microphone;

    RecordPane(NodeEdits edits, PropertySpec spec) {
        super(4);
        this.edits = edits;
        this.spec = spec;
        this.key = spec.key();
        record = button("record", "inspector.sound.record");
        stop = button("stop", "inspector.sound.stop");
        listen = button("recordListen", "inspector.sound.listen");
        keep = button("keep", "inspector.sound.keep");
        discard = button("discard", "inspector.sound.discard");
        setId("sound-recorder-" + key);
        meter.setId("sound-meter-" + key);
        meter.getStyleClass().add("level-meter");
        meter.setPrefWidth(110);
        time.setId("sound-recordTime-" + key);
        recorded.setId("sound-recorded-" + key);
        status.setId("sound-recordStatus-" + key);
        status.setWrapText(true);
        status.getStyleClass().add("help");
        SoundEditor.collapseWhenEmpty(status);
        recording = new HBox(8, meter, time, stop);
        recording.setAlignment(Pos.CENTER_LEFT);
        result = new HBox(6, listen, keep, discard);
        record.setOnAction(e -> start());
        stop.setOnAction(e -> stopRecording());
        listen.setOnAction(e -> listen());
        keep.setOnAction(e -> keep());
        discard.setOnAction(e -> reset(""));
        tick.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                dispose(); // the inspector shows another node now: a running recording ends, unkept
            }
        });
        getChildren().addAll(record, recording, recorded, result, status);
        show(record, false);
        show(recording, false);
        show(recorded, false);
        show(result, false);
        // whether there is a microphone can take a moment to find out: until then Record is not shown
        Background.run("microphone", () -> Recorder.lineSource.find() != null, (found, problem) -> {
            microphone = Boolean.TRUE.equals(found);
            if (!microphone) {
                status.setText(AppTexts.get("inspector.sound.noMicrophone"));
            }
            showIdle();
        });
    }

    private Button button(String id, String textKey) {
        Button b = new Button(AppTexts.get(textKey));
        b.setId("sound-" + id + "-" + key);
        b.getStyleClass().add("small-button");
        return b;
    }

    /** Record needs a saved flow: a kept recording goes into the sounds folder beside it. */
    void setSaved(boolean saved) {
        record.setDisable(!saved);
    }

    private void showIdle() {
        boolean idle = recorder == null && converted == null;
        show(record, microphone && idle);
    }

    private void start() {
        TargetDataLine line = Recorder.lineSource.find();
        if (line == null) {
            microphone = false;
            reset(AppTexts.get("inspector.sound.noMicrophone"));
            return;
        }
        try {
            recorder = Recorder.start(line);
        } catch (LineUnavailableException e) {
            reset(AppTexts.get("inspector.sound.microphoneBusy"));
            return;
        }
        status.setText("");
        show(record, false);
        show(recording, true);
        update();
        tick.play();
    }

    private void update() {
        if (recorder == null) {
            return;
        }
        meter.setProgress(recorder.level());
        time.setText(clock(recorder.length()));
        if (!recorder.running()) {
            stopRecording(); // the longest sound Switchboard takes
        }
    }

    private void stopRecording() {
        Recorder r = recorder;
        if (r == null) {
            return;
        }
        tick.stop();
        stop.setDisable(true);
        String name = AppTexts.get("inspector.sound.recordingName",
                LocalTime.now().format(DateTimeFormatter.ofPattern("HH-mm-ss")));
        Duration length = r.length();
        Background.run("record-convert", () -> SoundConverter.convert(new ByteArrayInputStream(r.stop()), name,
                SoundImports.of(edits.doc()).options(edits.messages())), (wav, problem) -> {
                    recorder = null;
                    stop.setDisable(false);
                    show(recording, false);
                    if (wav == null) {
                        reset(problem);
                        return;
                    }
                    converted = wav;
                    recordedName = name;
                    recorded.setText(AppTexts.get("inspector.sound.recorded", clock(length)));
                    show(recorded, true);
                    show(result, true);
                });
    }

    private void listen() {
        byte[] wav = converted;
        if (wav != null) {
            listen.setDisable(true);
            Background.run("record-listen", () -> SoundPlayer.play(wav), (problem, failed) -> {
                listen.setDisable(false);
                status.setText(problem == null ? "" : problem);
            });
        }
    }

    private void keep() {
        if (converted != null && edits.node() != null) {
            SoundImports.of(edits.doc()).keep(edits.nodeId(), spec, edits.label(spec), converted, recordedName);
            reset("");
        }
    }

    private void reset(String message) {
        recorder = null;
        converted = null;
        tick.stop();
        show(recording, false);
        show(recorded, false);
        show(result, false);
        status.setText(message == null ? "" : message);
        showIdle();
    }

    private void dispose() {
        Recorder r = recorder;
        recorder = null;
        tick.stop();
        if (r != null) {
            try {
                r.stop();
            } catch (java.io.IOException ignored) {
                // nothing was kept
            }
        }
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    private static void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
