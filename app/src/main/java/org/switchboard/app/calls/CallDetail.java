package org.switchboard.app.calls;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.DraftReplay;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.i18n.Messages;

/**
 * The selected call in detail, beside the list: its pushes in order as a row of chips (event; a warning mark when
 * something went wrong), and for the chosen push (the latest at first) its time, how long the answer took, the
 * fields sipgate sent, what went wrong in plain words, and the exact XML answered, with Copy; and "Replay against
 * the draft", which plays the call again on the open flow and shows where the answers would differ.
 */
final class CallDetail extends VBox {

    private final Supplier<Flow> flow;
    private final Messages messages;
    private final HBox chips = new HBox(4);
    private final ToggleGroup group = new ToggleGroup();
    private final Label head = new Label();
    private final Label fields = new Label();
    private final VBox problems = new VBox(2);
    private final TextArea xml = new TextArea();
    private final Button copy = new Button(AppTexts.get("calls.copy"), Glyphs.ui("copy", 13));
    private final Button replay = new Button(null, Glyphs.ui("sim", 13));
    private LoggedCall call;
    private int chosen = -1;
    private Dialogs dialogs;

    /** @param messages the engine's texts (the replay's steps) in the window's language */
    CallDetail(Supplier<Flow> flow, Messages messages) {
        super(6);
        this.flow = flow;
        this.messages = messages;
        getStyleClass().add("call-detail");
        setId("call-detail");
        chips.setId("call-pushes");
        chips.setAlignment(Pos.CENTER_LEFT);
        ScrollPane chipScroll = new ScrollPane(chips);
        chipScroll.getStyleClass().add("push-chips");
        chipScroll.setFitToHeight(true);
        chipScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        chipScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        chipScroll.setMinHeight(Region.USE_PREF_SIZE);
        head.setId("call-xml-title");
        head.getStyleClass().add("call-xml-title");
        head.setMaxWidth(Double.MAX_VALUE);
        head.setMinWidth(0);
        HBox.setHgrow(head, Priority.ALWAYS);
        copy.setId("call-xml-copy");
        copy.getStyleClass().add("small-button");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(xml.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.disableProperty().bind(xml.textProperty().isEmpty());
        replay.setId("call-replay");
        replay.getStyleClass().add("small-button");
        replay.setTooltip(new javafx.scene.control.Tooltip(AppTexts.get("calls.replay")));
        replay.setAccessibleText(AppTexts.get("calls.replay"));
        replay.setMinWidth(Region.USE_PREF_SIZE);
        replay.setOnAction(e -> replayAgainstDraft());
        HBox headBar = new HBox(6, head, replay, copy);
        headBar.setAlignment(Pos.CENTER_LEFT);
        fields.setId("call-push-fields");
        fields.getStyleClass().addAll("push-fields", "mono");
        fields.setWrapText(true); // up to the room there is: the XML below gives way first, then the fields

        problems.setId("call-push-problems");
        xml.setId("call-xml");
        xml.getStyleClass().add("call-xml");
        xml.setEditable(false);
        xml.setWrapText(false);
        xml.setPrefHeight(60);
        VBox.setVgrow(xml, Priority.ALWAYS);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                a.setSelected(true); // one push is always chosen
            } else if (b != null) {
                chosen = (int) b.getUserData();
                showPush(call.pushes().get(chosen));
            }
        });
        getChildren().addAll(chipScroll, headBar, fields, problems, xml);
        show(null);
    }

    /** Shows {@code c} (null: nothing selected); the same call again keeps the chosen push unless it was the last. */
    void show(LoggedCall c) {
        boolean same = call != null && c != null && call.callId().equals(c.callId());
        boolean followLast = !same || chosen < 0 || chosen >= call.pushes().size() - 1;
        call = c;
        chips.getChildren().clear();
        replay.setDisable(c == null || c.inProgress() || c.pushes().isEmpty());
        if (c == null || c.pushes().isEmpty()) {
            chosen = -1;
            head.setText(AppTexts.get("calls.detail.empty"));
            fields.setText("");
            problems.getChildren().clear();
            xml.setText("");
            return;
        }
        List<LoggedCall.Push> pushes = c.pushes();
        for (int i = 0; i < pushes.size(); i++) {
            LoggedCall.Push p = pushes.get(i);
            ToggleButton chip = new ToggleButton(p.event());
            chip.setId("push-" + i);
            chip.getStyleClass().add("push-chip");
            chip.setUserData(i);
            chip.setToggleGroup(group);
            if (!PushExplainer.explain(p, flow.get()).isEmpty()) {
                chip.setGraphic(Glyphs.ui("warn", 11));
                chip.getStyleClass().add("push-problem");
            }
            chips.getChildren().add(chip);
        }
        int at = followLast ? pushes.size() - 1 : Math.min(chosen, pushes.size() - 1);
        chosen = at;
        ((ToggleButton) chips.getChildren().get(at)).setSelected(true);
        showPush(pushes.get(at));
    }

    void setDialogs(Dialogs messageBoxes) {
        this.dialogs = messageBoxes;
    }

    LoggedCall call() {
        return call;
    }

    /** Replays the call against the open flow and shows, step by step, where the answers differ. */
    private void replayAgainstDraft() {
        LoggedCall c = call;
        Flow draft = flow.get();
        if (c == null || draft == null) {
            return;
        }
        replay.setDisable(true);
        DraftReplay.replay(c, draft, messages).whenComplete((outcome, failed) -> {
            replay.setDisable(call == null || call.inProgress());
            ReplayDialog.show(dialogs, getScene() == null ? null : getScene().getWindow(), outcome, failed);
        });
    }

    /** Chooses the push at {@code index} (as a click on its chip does). */
    void choose(int index) {
        ((ToggleButton) chips.getChildren().get(index)).setSelected(true);
    }

    private void showPush(LoggedCall.Push p) {
        String took = PushExplainer.took(p);
        head.setText(AppTexts.get("calls.xml.to", p.event(), CallText.time(p.time()))
                + (took.isEmpty() ? "" : " \u00B7 " + AppTexts.get("calls.took", took)));
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, String> f : p.fields().entrySet()) {
            line.append(line.isEmpty() ? "" : "  ").append(f.getKey()).append('=').append(f.getValue());
        }
        fields.setText(line.toString());
        problems.getChildren().clear();
        for (String problem : PushExplainer.explain(p, flow.get())) {
            Label l = new Label(problem, Glyphs.ui("warn", 12));
            l.getStyleClass().add("push-problem-text");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            problems.getChildren().add(l);
        }
        xml.setText(p.xml() == null ? "" : p.xml());
    }
}
