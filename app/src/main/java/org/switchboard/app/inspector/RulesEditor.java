package org.switchboard.app.inspector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertyEdits;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.nodes.SwitchRule;

/**
 * The editor of "switchRules" properties (a Switch's rules), top to bottom: each is a small card with the output it
 * owns, the comparison (labels {@code rule.<op>}), the value to compare with (hidden for "is empty"/"is not empty")
 * and a remove button; "Add rule" appends one. Removing a rule is the engine's edit
 * ({@link PropertyEdits#removeEntry}), which also moves the wires of the rules below it up by one output, so every
 * wire keeps following its rule.
 */
final class RulesEditor extends PropertyEditor {

    private final List<ComboBox<SwitchRule.Op>> ops = new ArrayList<>();
    private final List<TextField> values = new ArrayList<>();

    RulesEditor(NodeEdits edits, PropertySpec spec) {
        super(edits, spec);
        int count = listSize(edits.node(), spec);
        for (int i = 0; i < count; i++) {
            block.controlBox().getChildren().add(ruleCard(i));
        }
        Button add = new Button(AppTexts.get("inspector.rule.add"), Glyphs.ui("plus", 14));
        add.setId("rules-add");
        add.getStyleClass().addAll("small-button", "add-row");
        add.setOnAction(e -> edits.apply(AppTexts.get("edit.addRule"), f -> PropertyEdits.addEntry(f,
                edits.nodeId(), spec.key(), SwitchRule.data(SwitchRule.Op.EQUALS, ""))));
        block.controlBox().getChildren().add(add);
    }

    private VBox ruleCard(int index) {
        String port = edits.type().entryPort(edits.node(), spec.key(), index);
        Label number = new Label(port == null ? Integer.toString(index + 1) : port);
        number.getStyleClass().addAll("rule-number", "semibold", "tnum");
        ComboBox<SwitchRule.Op> op = new ComboBox<>();
        op.setId("rule-op-" + index);
        op.getItems().setAll(SwitchRule.Op.values());
        op.setMaxWidth(Double.MAX_VALUE);
        StringConverter<SwitchRule.Op> names = new StringConverter<>() {
            @Override
            public String toString(SwitchRule.Op o) {
                return o == null ? "" : edits.messages().get("rule." + o.id());
            }

            @Override
            public SwitchRule.Op fromString(String s) {
                return null;
            }
        };
        op.setConverter(names);
        op.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(SwitchRule.Op item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : names.toString(item));
            }
        });
        op.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                setRule(index, b, null, false);
            }
        });
        HBox.setHgrow(op, Priority.ALWAYS);
        Button remove = new Button(null, Glyphs.ui("minus", 14));
        remove.setId("rule-remove-" + index);
        remove.getStyleClass().addAll("icon-button", "row-remove");
        remove.setTooltip(new Tooltip(AppTexts.get("inspector.rule.remove")));
        remove.setOnAction(e -> removeRule(index));
        HBox top = new HBox(6, number, op, remove);
        top.setAlignment(Pos.CENTER_LEFT);

        TextField value = textField("rule-value-" + index);
        value.setPromptText(AppTexts.get("inspector.rule.value"));
        value.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                setRule(index, null, b, true);
            }
        });
        ops.add(op);
        values.add(value);
        VBox card = new VBox(6, top, value);
        card.getStyleClass().add("rule-card");
        return card;
    }

    private List<Object> rules(FlowNode node) {
        return node == null ? new ArrayList<>() : new ArrayList<>(Values.asList(node.property(spec.key())));
    }

    private void setRule(int index, SwitchRule.Op newOp, String newValue, boolean typed) {
        List<Object> list = rules(edits.node());
        if (index >= list.size()) {
            return;
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        if (list.get(index) instanceof Map<?, ?> old) {
            old.forEach((k, v) -> rule.put(String.valueOf(k), v));
        }
        if (newOp != null) {
            rule.put("op", newOp.id());
            rule.putIfAbsent("value", "");
        }
        if (newValue != null) {
            rule.put("value", newValue);
        }
        list.set(index, rule);
        if (typed) {
            edits.typed(spec, list);
        } else {
            edits.clicked(spec, list);
        }
    }

    private void removeRule(int index) {
        edits.apply(AppTexts.get("edit.removeRule", index + 1),
                flow -> PropertyEdits.removeEntry(flow, edits.types(), edits.nodeId(), spec.key(), index));
    }

    @Override
    void refresh(FlowNode node) {
        List<?> list = Values.asList(node.property(spec.key()));
        updating = true;
        try {
            for (int i = 0; i < ops.size() && i < list.size(); i++) {
                SwitchRule rule = SwitchRule.from(list.get(i));
                ops.get(i).setValue(rule == null ? null : rule.op());
                setText(values.get(i), rule == null ? "" : rule.value());
                boolean takesValue = rule == null || rule.op().takesValue();
                values.get(i).setVisible(takesValue);
                values.get(i).setManaged(takesValue);
            }
        } finally {
            updating = false;
        }
        String problem = problem(node);
        block.setProblem(problem);
        for (int i = 0; i < values.size() && i < list.size(); i++) {
            SwitchRule rule = SwitchRule.from(list.get(i));
            FieldBlock.mark(values.get(i), rule == null ? "x"
                    : SwitchRule.problem(rule.op(), rule.value(), edits.messages()));
        }
    }
}
