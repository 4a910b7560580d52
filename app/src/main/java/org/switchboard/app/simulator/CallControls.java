package org.switchboard.app.simulator;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;

/**
 * The middle of the Simulator tab: the keypad with "Let it time out" while a menu waits, and in its place, while a
 * forwarded call rings, what the called party does (answers, busy, no answer, voicemail, or answers and hangs up
 * after some seconds).
 */
final class CallControls extends StackPane {

    private final Keypad keypad;
    private final Button timeout = new Button(AppTexts.get("sim.timeout"));
    private final VBox keys;
    private final VBox party;
    private final TextField hangUpAfter = new TextField("5");

    /**
     * @param pressed        a key of the keypad
     * @param letItTimeOut   the menu's time runs out
     * @param calledParty    what the called party does ({@code answers}, {@code busy}, {@code noAnswer},
     *                       {@code voicemail})
     * @param answerHangUpIn it answers and hangs up after this many seconds
     */
    CallControls(Consumer<String> pressed, Runnable letItTimeOut, Consumer<String> calledParty,
                 IntConsumer answerHangUpIn) {
        keypad = new Keypad(pressed);
        timeout.setId("sim-timeout");
        timeout.getStyleClass().add("small-button");
        timeout.setGraphic(Glyphs.ui("timer", 13));
        timeout.setMaxWidth(Double.MAX_VALUE);
        timeout.setOnAction(e -> letItTimeOut.run());
        keys = new VBox(6, keypad, timeout);
        keys.getStyleClass().add("sim-keys");

        Label title = new Label(AppTexts.get("sim.ringing"));
        title.getStyleClass().add("sim-party-title");
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.add(partyButton("answers", "sim.answers", "handset", calledParty), 0, 0);
        grid.add(partyButton("busy", "sim.busy", "reject", calledParty), 1, 0);
        grid.add(partyButton("noAnswer", "sim.noAnswer", "timer", calledParty), 0, 1);
        grid.add(partyButton("voicemail", "sim.voicemail", "voicemail", calledParty), 1, 1);
        Button later = new Button(AppTexts.get("sim.answersThenHangsUp"), Glyphs.ui("hangup", 13));
        later.setId("sim-party-answersThenHangsUp");
        later.getStyleClass().add("small-button");
        later.setOnAction(e -> answerHangUpIn.accept(seconds()));
        later.setMinWidth(Region.USE_PREF_SIZE);
        hangUpAfter.setId("sim-hangUpAfter");
        hangUpAfter.getStyleClass().add("sim-seconds");
        hangUpAfter.setPrefColumnCount(2);
        HBox laterRow = new HBox(6, later, hangUpAfter, new Label(AppTexts.get("sim.seconds")));
        laterRow.setAlignment(Pos.CENTER_LEFT);
        grid.add(laterRow, 0, 2, 2, 1);
        party = new VBox(8, title, grid);
        party.getStyleClass().add("sim-party");
        party.setId("sim-party");

        getChildren().addAll(keys, party);
        getStyleClass().add("sim-middle");
        setAlignment(Pos.TOP_LEFT);
    }

    private static Button partyButton(String does, String key, String icon, Consumer<String> calledParty) {
        Button b = new Button(AppTexts.get(key), Glyphs.ui(icon, 13));
        b.setId("sim-party-" + does);
        b.getStyleClass().add("small-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> calledParty.accept(does));
        return b;
    }

    /** The seconds typed (0 to 3600); 5 when the field holds no number. */
    private int seconds() {
        try {
            return Math.max(0, Math.min(3600, Integer.parseInt(hangUpAfter.getText().strip())));
        } catch (NumberFormatException e) {
            hangUpAfter.setText("5");
            return 5;
        }
    }

    /** The keypad while a menu waits (usable) or nothing rings; the called party's choices while a call rings. */
    void show(boolean menuWaits, boolean ringing) {
        keys.setVisible(!ringing);
        party.setVisible(ringing);
        keypad.setDisable(!menuWaits);
        timeout.setDisable(!menuWaits);
    }
}
