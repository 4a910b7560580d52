package org.switchboard.app.inspector;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.sounds.SoundConverter;
import org.switchboard.engine.sounds.SoundException;
import org.switchboard.engine.sounds.SoundStore;

/**
 * A sound property: its source (URL, a file converted into the sounds folder beside the flow, or text to speech)
 * and that source's fields. Switching source keeps what the other source held until the flow is saved
 * ({@link SoundRef#toEditedValue}). A chosen file is converted off the FX thread; the flow must have been saved once
 * (its folder holds the sounds). Listen and recording are not offered here yet.
 */
final class SoundEditor extends PropertyEditor {

    private final ToggleGroup group = new ToggleGroup();
    private final ToggleButton urlSource = source("url", "inspector.sound.url");
    private final ToggleButton fileSource = source("file", "inspector.sound.file");
    private final ToggleButton speechSource = source("speech", "inspector.sound.speech");
    private final TextField url;
    private final Label file = new Label();
    private final TextArea text = new TextArea();
    private final ChoiceBox<String> voice = new ChoiceBox<>();
    private final VBox speech;
    private VBox fileView;
    private final Label unknown = new Label();
    private final Button choose = new Button();
    private final Label fileStatus = new Label();
    private SoundRef current = SoundRef.NONE;

    /** Asks the user for a sound file; replaced in tests, where no native dialog can be driven. */
    static Function<Window, Path> chooser = SoundEditor::showChooser;

    SoundEditor(NodeEdits edits, PropertySpec spec) {
        super(edits, spec);
        url = textField("prop-" + spec.key());
        url.setPromptText(AppTexts.get("inspector.sound.placeholder"));
        url.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                edits.typed(spec, current.withUrl(b).toEditedValue());
            }
        });
        file.setId("sound-fileName-" + spec.key());
        file.setWrapText(true);
        text.setId("sound-text-" + spec.key());
        text.setPromptText(AppTexts.get("inspector.sound.text.placeholder"));
        text.setWrapText(true);
        text.setPrefRowCount(3);
        sealOnLeave(text);
        text.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                edits.typed(spec, current.withText(b).toEditedValue());
            }
        });
        voice.setId("sound-voice-" + spec.key());
        voice.getItems().setAll(SoundRef.VOICES);
        voice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : AppTexts.get("inspector.sound.voice." + id);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        voice.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null && !b.equals(current.voice())) {
                edits.clicked(spec, current.withVoice(b).toEditedValue());
            }
        });
        HBox voiceRow = new HBox(6, new Label(AppTexts.get("inspector.sound.voice")), voice);
        speech = new VBox(4, text, voiceRow);
        HBox sources = new HBox(2, urlSource, fileSource, speechSource);
        sources.setId("sound-source-" + spec.key());
        sources.getStyleClass().add("segmented");
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                if (a != null) {
                    a.setSelected(true); // one source is always chosen
                }
                return;
            }
            if (!updating) {
                SoundRef.Source chosen = b == speechSource ? SoundRef.Source.SPEECH
                        : b == fileSource ? SoundRef.Source.FILE : SoundRef.Source.URL;
                SoundRef next = current.withSource(chosen);
                if (chosen == SoundRef.Source.SPEECH && next.voice().isEmpty()) {
                    next = next.withVoice(SoundRef.VOICES.get(0));
                }
                edits.clicked(spec, next.toEditedValue());
            }
        });
        unknown.setId("sound-unknown-" + spec.key());
        unknown.setWrapText(true);
        choose.setId("sound-choose-" + spec.key());
        choose.getStyleClass().add("small-button");
        choose.setText(AppTexts.get("inspector.sound.choose"));
        choose.setOnAction(e -> chooseFile());
        fileStatus.setId("sound-status-" + spec.key());
        fileStatus.setWrapText(true);
        VBox fileBox = new VBox(4, file, choose, fileStatus);
        fileView = fileBox;
        block.setControl(new VBox(6, sources, url, fileBox, speech, unknown));
    }

    private ToggleButton source(String id, String textKey) {
        ToggleButton b = new ToggleButton(AppTexts.get(textKey));
        b.setId("sound-" + id + "-" + spec.key());
        b.getStyleClass().addAll("segment", "medium");
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(b, Priority.ALWAYS);
        return b;
    }

    @Override
    void refresh(FlowNode node) {
        Object value = node.property(spec.key());
        boolean foreign = SoundRef.hasUnknownSource(value);
        current = foreign ? SoundRef.NONE : SoundRef.of(value);
        boolean was = updating;
        updating = true;
        try {
            ToggleButton selected = switch (current.source()) {
                case URL -> urlSource;
                case FILE -> fileSource;
                case SPEECH -> speechSource;
            };
            selected.setSelected(true);
            show(url, current.source() == SoundRef.Source.URL);
            show(fileView, current.source() == SoundRef.Source.FILE);
            boolean saved = edits.doc().file() != null;
            choose.setDisable(!saved || foreign);
            if (!saved && fileStatus.getText().isEmpty()) {
                fileStatus.setText(AppTexts.get("inspector.sound.saveFirst"));
            } else if (saved && AppTexts.get("inspector.sound.saveFirst").equals(fileStatus.getText())) {
                fileStatus.setText("");
            }
            show(speech, current.source() == SoundRef.Source.SPEECH);
            setText(url, current.url());
            setText(text, current.text());
            file.setText(current.file().isEmpty() ? "" : AppTexts.get("inspector.sound.fileName",
                    current.name().isEmpty() ? current.file() : current.name()));
            voice.setValue(current.voice().isEmpty() ? SoundRef.VOICES.get(0) : current.voice());
            show(unknown, foreign);
            unknown.setText(foreign ? Values.asText(value) : "");
            for (javafx.scene.Node n : List.of(urlSource, fileSource, speechSource, url, text, voice)) {
                n.setDisable(foreign);
            }
        } finally {
            updating = was;
        }
        block.setProblem(problem(node), current.source() == SoundRef.Source.SPEECH ? text : url);
    }

    /** Converts the chosen file into the sounds folder beside the flow, then makes it the property's sound. */
    private void chooseFile() {
        Path folder = edits.doc().file() == null ? null : edits.doc().file().toAbsolutePath().getParent();
        Path picked = folder == null ? null : chooser.apply(choose.getScene() == null ? null
                : choose.getScene().getWindow());
        if (picked == null) {
            return;
        }
        choose.setDisable(true);
        fileStatus.setText(AppTexts.get("inspector.sound.converting", picked.getFileName()));
        Thread worker = new Thread(() -> {
            String message;
            SoundRef converted = null;
            try {
                converted = SoundStore.importFile(folder, picked, SoundConverter.Options.DEFAULTS);
                message = "";
            } catch (SoundException e) {
                message = e.getMessage();
            }
            SoundRef done = converted;
            String shown = message;
            Platform.runLater(() -> {
                choose.setDisable(false);
                fileStatus.setText(shown);
                if (done != null && edits.node() != null) {
                    SoundRef now = SoundRef.of(edits.node().property(spec.key()));
                    edits.clicked(spec, now.withFile(done.file(), done.name()).toEditedValue());
                }
            });
        }, "switchboard-sound-convert");
        worker.setDaemon(true);
        worker.start();
    }

    private static Path showChooser(Window owner) {
        FileChooser dialog = new FileChooser();
        dialog.setTitle(AppTexts.get("inspector.sound.choose"));
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(AppTexts.get("inspector.sound.files"),
                "*.wav", "*.mp3", "*.ogg", "*.flac", "*.aif", "*.aiff"));
        java.io.File f = dialog.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    private static void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
