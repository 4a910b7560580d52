package org.switchboard.app.calls;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
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
 * The selected call in detail, beside the list. At the left, its pushes in order as a column of cards (event, how long
 * the answer took, time; a warning mark when something went wrong); the chosen one (the latest at first) opens to the
 * fields sipgate sent, as a key/value grid. At the right, for the chosen push: what went wrong in plain words, and the
 * XML answered, laid out for reading (indented, one element a line, monospace, lightly coloured) while Copy takes the
 * exact text answered; and "Replay against the draft", which plays the call again on the open flow and shows where the
 * answers would differ.
 */
final class CallDetail extends HBox {

    private final Supplier<Flow> flow;
    private final Messages messages;
    private final VBox cards = new VBox(2);
    private final ToggleGroup group = new ToggleGroup();
    private final Label head = new Label();
    private final Tooltip headTip = new Tooltip();
    private final GridPane fields = new GridPane();
    private final VBox problems = new VBox(2);
    private final XmlView xml = new XmlView();
    private final Button copy = new Button(null, Glyphs.ui("copy", 13));
    private final Button replay = new Button(null, Glyphs.ui("sim", 13));
    private LoggedCall call;
    private int chosen = -1;
    private boolean rebuilding;
    private Dialogs dialogs;

    /** @param messages the engine's texts (the replay's steps) in the window's language */
    CallDetail(Supplier<Flow> flow, Messages messages) {
        this.flow = flow;
        this.messages = messages;
        getStyleClass().add("call-detail");
        setId("call-detail");
        cards.setId("call-pushes");
        cards.getStyleClass().add("push-cards");
        cards.setFillWidth(true);
        ScrollPane cardScroll = new ScrollPane(cards);
        cardScroll.getStyleClass().add("push-list");
        cardScroll.setFitToWidth(true);
        cardScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        cardScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        cardScroll.setPrefWidth(188);
        cardScroll.setMinWidth(Region.USE_PREF_SIZE);
        fields.setId("call-push-fields");
        fields.getStyleClass().add("push-fields");
        fields.setHgap(8);
        fields.setVgap(1);

        head.setId("call-xml-title");
        head.getStyleClass().add("call-xml-title");
        head.setMaxWidth(Double.MAX_VALUE);
        head.setMinWidth(0);
        head.setTooltip(headTip);
        HBox.setHgrow(head, Priority.ALWAYS);
        copy.setId("call-xml-copy");
        copy.getStyleClass().addAll("small-button", "icon-only");
        copy.setTooltip(new Tooltip(AppTexts.get("calls.copy")));
        copy.setAccessibleText(AppTexts.get("calls.copy"));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(xml.original()); // the exact text answered, not the laid-out one
            Clipboard.getSystemClipboard().setContent(content);
        });
        replay.setId("call-replay");
        replay.getStyleClass().addAll("small-button", "icon-only");
        replay.setTooltip(new Tooltip(AppTexts.get("calls.replay")));
        replay.setAccessibleText(AppTexts.get("calls.replay"));
        replay.setMinWidth(Region.USE_PREF_SIZE);
        replay.setOnAction(e -> replayAgainstDraft());
        HBox headBar = new HBox(6, head, replay, copy);
        headBar.setAlignment(Pos.CENTER_LEFT);
        headBar.getStyleClass().add("call-xml-head");

        problems.setId("call-push-problems");
        problems.getStyleClass().add("push-problems");
        xml.setId("call-xml");
        xml.getStyleClass().add("call-xml");
        xml.setPrefHeight(60);
        VBox.setVgrow(xml, Priority.ALWAYS);
        VBox answer = new VBox(4, headBar, problems, xml);
        answer.getStyleClass().add("call-answer");
        answer.setMinWidth(0);
        HBox.setHgrow(answer, Priority.ALWAYS);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (rebuilding) {
                return;
            }
            if (b == null && a != null) {
                a.setSelected(true); // one push is always chosen
            } else if (b != null) {
                chosen = (int) b.getUserData();
                showPush(call.pushes().get(chosen));
            }
        });
        getChildren().addAll(cardScroll, answer);
        show(null);
    }

    /** Shows {@code c} (null: nothing selected); the same call again keeps the chosen push unless it was the last. */
    void show(LoggedCall c) {
        boolean same = call != null && c != null && call.callId().equals(c.callId());
        boolean followLast = !same || chosen < 0 || chosen >= call.pushes().size() - 1;
        call = c;
        rebuilding = true; // the old cards leave the group, so it does not keep every card ever shown
        for (Toggle t : List.copyOf(group.getToggles())) {
            t.setToggleGroup(null);
        }
        rebuilding = false;
        cards.getChildren().clear();
        replay.setDisable(c == null || c.inProgress() || c.pushes().isEmpty());
        if (c == null || c.pushes().isEmpty()) {
            chosen = -1;
            head.setText(AppTexts.get("calls.detail.empty"));
            headTip.setText(head.getText());
            fields.getChildren().clear();
            problems.getChildren().clear();
            showXml("");
            return;
        }
        List<LoggedCall.Push> pushes = c.pushes();
        for (int i = 0; i < pushes.size(); i++) {
            cards.getChildren().add(card(i, pushes.get(i)));
        }
        int at = followLast ? pushes.size() - 1 : Math.min(chosen, pushes.size() - 1);
        chosen = at;
        chip(at).setSelected(true); // shows it
    }

    /** A push's card: a row to choose it (event, how long the answer took, time; a mark when something went wrong). */
    private VBox card(int index, LoggedCall.Push p) {
        Label event = new Label(p.event());
        event.getStyleClass().add("push-event");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label took = new Label(PushExplainer.took(p));
        took.getStyleClass().add("push-took");
        Label time = new Label(CallText.time(p.time()));
        time.getStyleClass().add("push-time");
        HBox row = new HBox(6, event, gap, took, time);
        row.setAlignment(Pos.CENTER_LEFT);
        ToggleButton chip = new ToggleButton(p.event(), row);
        chip.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        chip.setMaxWidth(Double.MAX_VALUE);
        chip.setId("push-" + index);
        chip.getStyleClass().add("push-chip");
        chip.setUserData(index);
        chip.setToggleGroup(group);
        if (!PushExplainer.explain(p, flow.get()).isEmpty()) {
            row.getChildren().add(1, Glyphs.ui("warn", 11));
            chip.getStyleClass().add("push-problem");
        }
        VBox card = new VBox(chip);
        card.getStyleClass().add("push-card");
        return card;
    }

    private ToggleButton chip(int index) {
        return (ToggleButton) ((VBox) cards.getChildren().get(index)).getChildren().get(0);
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

    /** Chooses the push at {@code index} (as a click on its card does). */
    void choose(int index) {
        chip(index).setSelected(true);
    }

    /** The XML shown, as laid out on screen (for tests). */
    String shownXml() {
        return xml.shownText();
    }

    private void showPush(LoggedCall.Push p) {
        String took = PushExplainer.took(p);
        head.setText(AppTexts.get("calls.xml.to", p.event(), CallText.time(p.time()))
                + (took.isEmpty() ? "" : " \u00B7 " + AppTexts.get("calls.took", took)));
        headTip.setText(head.getText());
        fields.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> f : p.fields().entrySet()) {
            Label key = new Label(f.getKey());
            key.getStyleClass().add("push-field-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(f.getValue());
            value.getStyleClass().add("push-field-value");
            value.setTooltip(new Tooltip(f.getValue()));
            value.setMinWidth(0);
            fields.addRow(row++, key, value);
        }
        for (Node card : cards.getChildren()) {
            ((VBox) card).getChildren().remove(fields);
        }
        if (chosen >= 0 && chosen < cards.getChildren().size()) {
            ((VBox) cards.getChildren().get(chosen)).getChildren().add(fields);
        }
        problems.getChildren().clear();
        for (String problem : PushExplainer.explain(p, flow.get())) {
            Label l = new Label(problem, Glyphs.ui("warn", 12));
            l.getStyleClass().add("push-problem-text");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            problems.getChildren().add(l);
        }
        showXml(p.xml());
    }

    private void showXml(String answered) {
        xml.show(answered);
        copy.setDisable(xml.original().isEmpty());
    }
}
