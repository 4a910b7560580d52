package org.switchboard.app.inspector;

import java.util.Objects;
import java.util.regex.Pattern;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.controlsfx.control.textfield.CustomTextField;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * A whole number within the spec's range. Without a unit it is a stepper (− value +, arrow keys step too); with a
 * unit ("ms") a field with the unit as suffix and the value in seconds as a hint ("= 5 s"). Text that is not a
 * number is still applied as typed, and the engine's check says what is wrong.
 */
final class IntegerEditor extends PropertyEditor {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");

    private final TextField field;
    private Button minus;
    private Button plus;

    IntegerEditor(NodeEdits edits, PropertySpec spec) {
        super(edits, spec);
        if (spec.unit() != null) {
            CustomTextField f = new CustomTextField();
            f.setId("prop-" + spec.key());
            sealOnLeave(f);
            Label unit = new Label(AppTexts.has("unit." + spec.unit()) ? AppTexts.get("unit." + spec.unit())
                    : spec.unit());
            unit.getStyleClass().add("field-suffix");
            f.setRight(unit);
            field = f;
            block.setControl(field);
        } else {
            field = textField("prop-" + spec.key());
            field.setAlignment(Pos.CENTER);
            minus = stepButton("minus", -1);
            plus = stepButton("plus", 1);
            HBox stepper = new HBox(minus, field, plus);
            stepper.getStyleClass().add("stepper");
            HBox.setHgrow(field, Priority.ALWAYS);
            block.setControl(stepper);
        }
        field.getStyleClass().add("tnum");
        field.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                edits.typed(spec, parse(b));
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                step(e.getCode() == KeyCode.UP ? 1 : -1);
                e.consume();
            }
        });
    }

    private Button stepButton(String icon, int direction) {
        Button b = new Button(null, Glyphs.ui(icon, 14));
        b.setId("prop-" + spec.key() + "-" + icon);
        b.getStyleClass().add("step");
        b.setFocusTraversable(false);
        b.setOnAction(e -> step(direction));
        return b;
    }

    private long stepSize() {
        return "ms".equals(spec.unit()) ? 500 : 1;
    }

    private void step(int direction) {
        Long current = Values.asLong(parse(field.getText()));
        long base = current != null ? current : Values.asLong(spec.defaultValue()) != null
                ? Values.asLong(spec.defaultValue()) : 0;
        long next = base + direction * stepSize();
        if (spec.min() != null) {
            next = Math.max(spec.min(), next);
        }
        if (spec.max() != null) {
            next = Math.min(spec.max(), next);
        }
        edits.typed(spec, next);
    }

    /** A number when the text is one, otherwise the text as typed (the check reports it). */
    static Object parse(String text) {
        String t = text == null ? "" : text.trim();
        return NUMBER.matcher(t).matches() ? (Object) Long.parseLong(t) : text;
    }

    @Override
    void refresh(FlowNode node) {
        Object value = node.property(spec.key());
        // keep what the user typed while it means the same ("05" is 5), so the caret does not jump
        if (!Objects.equals(parse(field.getText()), value)) {
            setText(field, Values.asText(value));
        }
        Long n = Values.asLong(value);
        if (minus != null) {
            minus.setDisable(n != null && spec.min() != null && n <= spec.min());
            plus.setDisable(n != null && spec.max() != null && n >= spec.max());
        }
        if ("ms".equals(spec.unit())) {
            block.setHint(n == null ? null : AppTexts.get("inspector.seconds", n / 1000.0));
        }
        block.setProblem(problem(node), field.getParent() instanceof HBox box ? box : field);
    }
}
