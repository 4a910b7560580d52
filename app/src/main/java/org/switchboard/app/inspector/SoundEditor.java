package org.switchboard.app.inspector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

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
import org.switchboard.app.sounds.Background;
import org.switchboard.app.sounds.SoundImports;
import org.switchboard.app.sounds.SoundPlayer;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.sounds.SoundException;
import org.switchboard.engine.sounds.Speech;

/**
 * A sound property: its source (URL, a file converted into the sounds folder beside the flow, or text to speech)
 * and that source's fields. Switching source keeps what the other source held until the flow is saved
 * ({@link SoundRef#toEditedValue}). A chosen file is converted off the FX thread; the flow must have been saved once
 * (its folder holds the sounds); a file dropped onto the field is converted the same way, and so is a recording
 * ({@link RecordPane}). Listen plays a file or spoken text as sipgate gets it; a URL has Check and its own Listen
 * ({@link UrlSoundActions}).
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
    private VBox listenRow;
    private final Label unknown = new Label();
    private final Button choose = new Button();
    private final Label fileStatus = new Label();
    private final Label dropHint = new Label(AppTexts.get("inspector.sound.dropHint"));
    private SoundRef current = SoundRef.NONE;

    private final Button listen = new Button();
    private final Label listenStatus = new Label();
    private final UrlSoundActions urlActions;
    private final RecordPane recordPane;
    private final SoundImports imports;
    private final String statusKey;

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
        urlActions = new UrlSoundActions(spec.key(), () -> current.url(), edits.messages());
        recordPane = new RecordPane(edits, spec);
        imports = SoundImports.of(edits.doc());
        statusKey = SoundImports.key(edits.nodeId(), spec.key());
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
        collapseWhenEmpty(fileStatus);
        dropHint.getStyleClass().add("help");
        dropHint.setWrapText(true);
        VBox fileBox = new VBox(4, file, choose, dropHint, recordPane, fileStatus);
        fileView = fileBox;
        // an import runs on after the inspector moved on; its progress and result are kept per property
        javafx.collections.MapChangeListener<String, String> statusListener = c -> {
            if (c.getKey().equals(statusKey)) {
                fileStatus.setText(c.wasAdded() ? c.getValueAdded() : "");
            }
        };
        imports.status().addListener(new javafx.collections.WeakMapChangeListener<>(statusListener));
        fileStatus.getProperties().put(this, statusListener); // keeps the weak listener alive with the label
        fileStatus.setText(imports.status().getOrDefault(statusKey, ""));
        listen.setId("sound-listen-" + spec.key());
        listen.getStyleClass().add("small-button");
        listen.setText(AppTexts.get("inspector.sound.listen"));
        listen.setOnAction(e -> listen());
        listenStatus.setId("sound-listenStatus-" + spec.key());
        listenStatus.setWrapText(true);
        collapseWhenEmpty(listenStatus);
        listenRow = new VBox(4, listen, listenStatus);
        listenRow.setId("sound-listenRow-" + spec.key());
        block.setControl(new VBox(6, sources, url, urlActions, fileBox, speech, listenRow, unknown));
        acceptDroppedFiles();
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
            show(urlActions, current.source() == SoundRef.Source.URL && !foreign);
            urlActions.urlChanged(current.url());
            show(fileView, current.source() == SoundRef.Source.FILE);
            // Listen plays the local sound as sipgate gets it; a URL has its own Listen beside Check
            show(listenRow, current.source() != SoundRef.Source.URL && !foreign);
            boolean saved = edits.doc().file() != null;
            choose.setDisable(!saved || foreign);
            recordPane.setSaved(saved && !foreign);
            show(dropHint, saved && !foreign);
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
        if (edits.doc().file() == null) {
            return;
        }
        Path picked = chooser.apply(choose.getScene() == null ? null : choose.getScene().getWindow());
        if (picked != null) {
            imports.importFile(edits.nodeId(), spec, edits.label(spec), picked, edits.messages());
        }
    }

    /** A sound file dropped onto the field is converted like a chosen one (the source becomes File). */
    private void acceptDroppedFiles() {
        block.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1 && !choose.isDisabled()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
                e.consume();
            }
        });
        block.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
            if (ok) {
                imports.importFile(edits.nodeId(), spec, edits.label(spec), e.getDragboard().getFiles().get(0)
                        .toPath(), edits.messages());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * Plays the sound as sipgate would get it: a converted file as it is; text to speech spoken first (into the
     * sounds folder, and the flow then names the spoken file) when it is not spoken yet or its text or voice changed.
     */
    private void listen() {
        Path folder = edits.doc().file() == null ? null : edits.doc().file().toAbsolutePath().getParent();
        if (folder == null) {
            listenStatus.setText(AppTexts.get("inspector.sound.saveFirst"));
            return;
        }
        SoundRef sound = current;
        listen.setDisable(true);
        listenStatus.setText("");
        SoundRef[] spoken = new SoundRef[1];
        Background.run("sound-listen", () -> {
            SoundRef playable = sound;
            if (sound.source() == SoundRef.Source.SPEECH) {
                Speech speech = Speech.find();
                if (speech == null) {
                    throw new SoundException(AppTexts.get("inspector.sound.noSpeech"));
                }
                if (!speech.isCurrent(sound, folder)) {
                    spoken[0] = speech.speak(sound, folder);
                    playable = spoken[0];
                }
            }
            if (!playable.isWellFormedFile() || !Files.isRegularFile(folder.resolve(playable.file()))) {
                throw new SoundException(AppTexts.get("inspector.sound.missing", playable.file()));
            }
            return SoundPlayer.play(Files.readAllBytes(folder.resolve(playable.file())));
        }, (noOutput, problem) -> {
            SoundRef done = spoken[0];
            listen.setDisable(false);
            listenStatus.setText(problem != null ? problem : noOutput != null ? noOutput : "");
            if (done != null && edits.node() != null) {
                SoundRef now = SoundRef.of(edits.node().property(spec.key()));
                if (now.text().equals(done.text()) && now.voice().equals(done.voice())) {
                    edits.clicked(spec, now.withSpoken(done.file(), done.made()).toEditedValue());
                }
            }
        });
    }

    private static Path showChooser(Window owner) {
        FileChooser dialog = new FileChooser();
        dialog.setTitle(AppTexts.get("inspector.sound.choose"));
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(AppTexts.get("inspector.sound.files"),
                "*.wav", "*.mp3", "*.ogg", "*.flac", "*.aif", "*.aiff"));
        java.io.File f = dialog.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** A status line takes no room while it has nothing to say. */
    static void collapseWhenEmpty(Label label) {
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
    }

    private static void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
