package org.switchboard.app.simulator;

import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * A phone's 3 × 4 keypad: 1–9, *, 0, #, each key with its letters in small print. A key sends its character.
 */
final class Keypad extends GridPane {

    private static final String[] KEYS = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"};
    private static final String[] LETTERS = {"", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ", "", "+", ""};

    Keypad(Consumer<String> pressed) {
        getStyleClass().add("sim-keypad");
        setHgap(6);
        setVgap(6);
        for (int i = 0; i < KEYS.length; i++) {
            String key = KEYS[i];
            Label digit = new Label(key);
            digit.getStyleClass().add("sim-key-digit");
            Label letters = new Label(LETTERS[i]);
            letters.getStyleClass().add("sim-key-letters");
            VBox face = new VBox(-2, digit);
            if (!LETTERS[i].isEmpty()) {
                face.getChildren().add(letters);
            }
            face.setAlignment(Pos.CENTER);
            Button b = new Button(null, face);
            b.getStyleClass().add("sim-key");
            b.setId("sim-key-" + keyId(key));
            b.setFocusTraversable(false);
            b.setOnAction(e -> pressed.accept(key));
            add(b, i % 3, i / 3);
        }
    }

    /** A key's id part: the digit, {@code star} or {@code hash}. */
    static String keyId(String key) {
        return switch (key) {
            case "*" -> "star";
            case "#" -> "hash";
            default -> key;
        };
    }
}
