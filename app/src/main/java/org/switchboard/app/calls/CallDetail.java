package org.switchboard.app.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
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
 * The selected call in detail, beside the list, in one column. At the top, what the chosen push was answered (which
 * push, when, how long the answer took), with Replay and Copy. Under it the call's pushes in order as a row of chips
 * (a dtmf with its keys, a warning mark when something went wrong); the chosen one (the latest at first) is shown
 * below, and "Fields" opens the fields sipgate sent with it as a key/value grid. Then what went wrong in plain words,
 * and the XML answered, laid out for reading (indented, one element a line, monospace, lightly coloured, long lines
 * wrapped) while Copy takes the exact text answered. "Replay against the draft" plays the call again on the open
 * flow and shows where the answers would differ.
 */
final class CallDetail extends VBox {

    /** The width the detail starts with beside the list (the user may drag the divider). */
    static final double WIDTH = 304;

    private final Supplier<Flow> flow;
    private final Messages messages;
    private final FlowPane chipRow = new FlowPane(4, 4);
    private final ScrollPane chipScroll = new ScrollPane(chipRow);
    private final ToggleGroup group = new ToggleGroup();
    private final Label head = new Label();
    private final Tooltip headTip = new Tooltip();
    private final ToggleButton showFields = new ToggleButton(AppTexts.get("calls.fields"));
    private final GridPane fields = new GridPane();
    private final VBox problems = new VBox(2);
    private final XmlView xml = new XmlView();
    private final Button copy = new Button(null, Glyphs.ui("copy", 13));
    private final Button replay = new Button(null, Glyphs.ui("sim", 13));
    private final List<Chip> chips = new ArrayList<>();
    /** The push whose fields the grid shows (it is filled when shown, not on every push of a followed call). */
    private LoggedCall.Push fieldsOf;
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
        setPrefWidth(WIDTH);
        chipRow.setId("call-pushes");
        chipRow.getStyleClass().add("push-chips");
        chipScroll.getStyleClass().add("push-list");
        chipScroll.setFitToWidth(true);
        chipScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        chipScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        chipScroll.setMinHeight(Region.USE_PREF_SIZE);
        chipScroll.setMaxHeight(60); // two rows of chips; a long call scrolls
        chipScroll.prefHeightProperty().bind(Bindings.min(60, chipRow.heightProperty().add(2)));
        HBox.setHgrow(chipScroll, Priority.ALWAYS);
        showFields.setId("call-fields-toggle");
        showFields.getStyleClass().addAll("small-button", "fields-toggle");
        showFields.setMinWidth(Region.USE_PREF_SIZE);
        HBox pushBar = new HBox(6, chipScroll, showFields);
        pushBar.setAlignment(Pos.CENTER_LEFT);
        pushBar.getStyleClass().add("push-bar");
        fields.setId("call-push-fields");
        fields.getStyleClass().add("push-fields");
        fields.setHgap(8);
        fields.setVgap(1);
        showFields.selectedProperty().addListener((o, was, on) -> {
            if (on && chosen >= 0) {
                showFields(call.pushes().get(chosen));
            }
        });
        fields.visibleProperty().bind(showFields.selectedProperty());
        fields.managedProperty().bind(showFields.selectedProperty());

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
        problems.managedProperty().bind(Bindings.isNotEmpty(problems.getChildren()));
        xml.setId("call-xml");
        xml.getStyleClass().add("call-xml");
        xml.setPrefHeight(60);
        xml.setMinHeight(40);
        VBox.setVgrow(xml, Priority.ALWAYS);
        setMinWidth(240);
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
        getChildren().addAll(headBar, pushBar, fields, problems, xml);
        show(null);
    }

    /** Shows {@code c} (null: nothing selected); the same call again keeps the chosen push unless it was the last. */
    void show(LoggedCall c) {
        boolean same = call != null && c != null && call.callId().equals(c.callId());
        boolean followLast = !same || chosen < 0 || chosen >= call.pushes().size() - 1;
        call = c;
        replay.setDisable(c == null || c.inProgress() || c.pushes().isEmpty());
        List<LoggedCall.Push> pushes = c == null ? List.of() : c.pushes();
        // the chips stay (those not needed now hidden and left out of the row's layout) and show the pushes of the
        // call shown now: with Follow on the detail changes on every push, and new chips (or chips taken out and put
        // back) would have their style looked up anew each time
        rebuilding = true;
        try {
            for (int i = 0; i < Math.max(pushes.size(), chips.size()); i++) {
                if (i < pushes.size()) {
                    chip(i).show(pushes.get(i), flow.get());
                } else {
                    chips.get(i).hide();
                }
            }
            if (pushes.isEmpty()) {
                chosen = -1;
                head.setText(AppTexts.get("calls.detail.empty"));
                headTip.setText(head.getText());
                fields.getChildren().clear();
                fieldsOf = null;
                problems.getChildren().clear();
                showXml("");
                return;
            }
            int at = followLast ? pushes.size() - 1 : Math.min(chosen, pushes.size() - 1);
            chosen = at;
            chips.get(at).button.setSelected(true);
        } finally {
            rebuilding = false;
        }
        showPush(pushes.get(chosen));
        chipScroll.setVvalue(chosen == pushes.size() - 1 ? 1 : 0); // a long call: its latest push in view
    }

    /** The chip at {@code index}, made the first time a call has that many pushes. */
    private Chip chip(int index) {
        while (chips.size() <= index) {
            Chip chip = new Chip(chips.size());
            chip.button.setToggleGroup(group);
            chips.add(chip);
            chipRow.getChildren().add(chip.button);
        }
        return chips.get(index);
    }

    /** A push's chip: its event (a dtmf with its keys; a mark when something went wrong), to choose it. */
    private static final class Chip {
        final ToggleButton button = new ToggleButton();
        final Label event = new Label();
        final Label keys = new Label();
        final javafx.scene.Node warn = Glyphs.ui("warn", 11);
        final Tooltip tip = new Tooltip();

        Chip(int index) {
            event.getStyleClass().add("push-event");
            keys.getStyleClass().add("push-keys");
            HBox row = new HBox(4, warn, event, keys);
            row.setAlignment(Pos.CENTER_LEFT);
            button.setGraphic(row);
            button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            button.setId("push-" + index);
            button.getStyleClass().add("push-chip");
            button.setUserData(index);
            button.setTooltip(tip);
        }

        void show(LoggedCall.Push p, Flow flow) {
            button.setText(p.event());
            event.setText(p.event());
            String digits = p.fields().get("dtmf");
            shown(keys, "dtmf".equals(p.event()) && digits != null && !digits.isEmpty());
            keys.setText(digits);
            tip.setText(CallText.time(p.time()));
            boolean problem = !PushExplainer.explain(p, flow).isEmpty();
            shown(warn, problem);
            if (problem != button.getStyleClass().contains("push-problem")) {
                if (problem) {
                    button.getStyleClass().add("push-problem");
                } else {
                    button.getStyleClass().remove("push-problem");
                }
            }
            shown(button, true);
        }

        void hide() {
            button.setSelected(false);
            shown(button, false);
        }

        private static void shown(javafx.scene.Node n, boolean shown) {
            n.setVisible(shown);
            n.setManaged(shown);
        }
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
        chips.get(index).button.setSelected(true);
    }

    /** The XML shown, as laid out on screen (for tests). */
    String shownXml() {
        return xml.shownText();
    }

    private void showPush(LoggedCall.Push p) {
        String took = PushExplainer.took(p);
        String to = AppTexts.get("calls.xml.to", p.event(), CallText.time(p.time()));
        head.setText(to + (took.isEmpty() ? "" : " \u00B7 " + took)); // short for the narrow panel
        headTip.setText(to + (took.isEmpty() ? "" : " \u00B7 " + AppTexts.get("calls.took", took)));
        if (showFields.isSelected()) {
            showFields(p);
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

    /** Fills the grid with the fields sipgate sent with {@code p}, two a row. */
    private void showFields(LoggedCall.Push p) {
        if (p == fieldsOf) {
            return;
        }
        fieldsOf = p;
        fields.getChildren().clear();
        int row = 0;
        int column = 0;
        for (Map.Entry<String, String> f : p.fields().entrySet()) {
            Label key = new Label(f.getKey());
            key.getStyleClass().add("push-field-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(f.getValue());
            value.getStyleClass().add("push-field-value");
            value.setTooltip(new Tooltip(f.getValue()));
            GridPane.setHgrow(value, Priority.ALWAYS);
            value.setMinWidth(0);
            fields.add(key, column, row);
            fields.add(value, column + 1, row);
            column += 2;
            if (column > 2) { // two fields a row
                column = 0;
                row++;
            }
        }
    }

    private void showXml(String answered) {
        xml.show(answered);
        copy.setDisable(xml.original().isEmpty());
    }
}
