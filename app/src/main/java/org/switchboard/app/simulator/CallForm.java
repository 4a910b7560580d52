package org.switchboard.app.simulator;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.calltests.TestCall;

/**
 * The left of the Simulator tab: caller and called number, incoming or outgoing, and the Call button, which is a
 * red Hang up while a call runs, with the call's timer beside it.
 */
final class CallForm extends GridPane {

    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");

    private final TextField caller = new TextField("+49 170 1234567");
    private final TextField called = new TextField("+49 211 5550100");
    private final ToggleGroup direction = new ToggleGroup();
    private final ToggleButton incoming = segment("in", "sim.direction.in");
    private final ToggleButton outgoing = segment("out", "sim.direction.out");
    private final Button callButton = new Button();
    private final Label timer = new Label("00:00");

    CallForm(Runnable callOrHangUp) {
        caller.setId("sim-caller");
        called.setId("sim-called");
        HBox segments = new HBox(incoming, outgoing);
        segments.getStyleClass().add("segmented");
        incoming.setSelected(true);
        for (ToggleButton b : new ToggleButton[] {incoming, outgoing}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        callButton.setId("sim-call");
        callButton.setMaxWidth(Double.MAX_VALUE);
        callButton.setOnAction(e -> callOrHangUp.run());
        HBox.setHgrow(callButton, Priority.ALWAYS);
        timer.setId("sim-timer");
        timer.getStyleClass().add("sim-timer");
        timer.setMinWidth(Region.USE_PREF_SIZE);
        HBox callRow = new HBox(8, callButton, timer);
        callRow.setAlignment(Pos.CENTER_LEFT);
        setHgap(10);
        setVgap(6);
        addRow(0, label("sim.caller"), caller);
        addRow(1, label("sim.called"), called);
        add(segments, 0, 2, 2, 1);
        add(callRow, 0, 3, 2, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        getColumnConstraints().addAll(labels, fields);
        getStyleClass().add("sim-form");
    }

    private ToggleButton segment(String id, String key) {
        ToggleButton b = new ToggleButton(AppTexts.get(key));
        b.getStyleClass().addAll("segment", "medium");
        b.setId("sim-direction-" + id);
        b.setUserData(id);
        b.setToggleGroup(direction);
        return b;
    }

    private static Label label(String key) {
        Label l = new Label(AppTexts.get(key));
        l.getStyleClass().add("sim-label");
        return l;
    }

    /** The newCall the form describes (the flow's first webhook path). */
    TestCall.Setup setup() {
        Object dir = direction.getSelectedToggle() == null ? "in" : direction.getSelectedToggle().getUserData();
        return new TestCall.Setup(null, caller.getText().strip(), called.getText().strip(), (String) dir, null);
    }

    /** Call or Hang up; the fields are fixed while a call runs; the button waits while a call is starting. */
    void show(boolean callOn, boolean busy) {
        callButton.setText(AppTexts.get(callOn ? "sim.hangUp" : "sim.call"));
        callButton.setGraphic(Glyphs.ui(callOn ? "hangup" : "handset", 14));
        callButton.getStyleClass().setAll("button", callOn ? "sim-hang-up" : "sim-call");
        callButton.setDisable(busy && !callOn);
        for (javafx.scene.Node n : new javafx.scene.Node[] {caller, called, incoming, outgoing}) {
            n.setDisable(callOn);
        }
        timer.pseudoClassStateChanged(RUNNING, callOn);
    }

    void setTime(String time) {
        timer.setText(time);
    }
}
