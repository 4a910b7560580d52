package org.switchboard.app.inspector;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * One of a few values: a segmented control when the choices are few and short enough to sit side by side in the
 * inspector, a drop-down otherwise. Labels come from {@code choice.<type>.<key>.<value>}.
 */
final class ChoiceEditor extends PropertyEditor {

    /** Roughly what fits in the 248 px inspector column at 12 px without cutting a German label. */
    private static final int SEGMENT_CHARS = 30;

    private final List<ToggleButton> segments = new ArrayList<>();
    private ComboBox<String> combo;

    ChoiceEditor(NodeEdits edits, PropertySpec spec) {
        super(edits, spec);
        List<String> labels = spec.choices().stream().map(this::label).toList();
        int chars = labels.stream().mapToInt(String::length).sum();
        if (spec.choices().size() <= 3 && chars <= SEGMENT_CHARS) {
            ToggleGroup group = new ToggleGroup();
            HBox track = new HBox(2);
            track.getStyleClass().add("segmented");
            track.setId("prop-" + spec.key());
            for (String choice : spec.choices()) {
                ToggleButton b = new ToggleButton(label(choice));
                b.setId("prop-" + spec.key() + "-" + choice);
                b.getStyleClass().addAll("segment", "medium");
                b.setToggleGroup(group);
                b.setUserData(choice);
                b.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(b, Priority.ALWAYS);
                // a segmented control always has one value: clicking the chosen one keeps it
                b.setOnAction(e -> {
                    if (!b.isSelected()) {
                        b.setSelected(true);
                    }
                    if (!updating) {
                        edits.clicked(spec, choice);
                    }
                });
                segments.add(b);
                track.getChildren().add(b);
            }
            block.setControl(track);
        } else {
            combo = new ComboBox<>();
            combo.setId("prop-" + spec.key());
            combo.getItems().setAll(spec.choices());
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setConverter(new StringConverter<>() {
                @Override
                public String toString(String value) {
                    return value == null ? "" : label(value);
                }

                @Override
                public String fromString(String text) {
                    return text;
                }
            });
            combo.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? "" : label(item));
                }
            });
            combo.valueProperty().addListener((o, a, b) -> {
                if (!updating && b != null) {
                    edits.clicked(spec, b);
                }
            });
            block.setControl(combo);
        }
    }

    private String label(String choice) {
        String key = "choice." + edits.type().id() + "." + spec.key() + "." + choice;
        if (edits.messages().has(key)) {
            return edits.messages().get(key);
        }
        // the Switch's "route on" choices are the call fields, labelled once as field.<id>
        String field = "field." + choice;
        return edits.messages().has(field) ? capitalize(edits.messages().get(field)) : choice;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    void refresh(FlowNode node) {
        String value = Values.asText(node.property(spec.key()));
        updating = true;
        try {
            if (combo != null) {
                combo.setValue(value);
            } else {
                for (ToggleButton b : segments) {
                    b.setSelected(b.getUserData().equals(value));
                }
            }
        } finally {
            updating = false;
        }
        block.setProblem(problem(node), combo != null ? combo : block.controlBox().getChildren().get(0));
    }
}
