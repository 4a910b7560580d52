package org.switchboard.app.inspector;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * A list of phone numbers (Dial rings them at once): one field per number with a remove button, and "Add number"
 * up to the spec's maximum. Each number is checked on its own (outline) and the list as a whole (message).
 */
final class PhoneListEditor extends PropertyEditor {

    private final List<TextField> fields = new ArrayList<>();
    private final List<Button> removes = new ArrayList<>();
    private final Button add;

    PhoneListEditor(NodeEdits edits, PropertySpec spec) {
        super(edits, spec);
        FlowNode node = edits.node();
        List<String> numbers = numbers(node);
        for (int i = 0; i < numbers.size(); i++) {
            int index = i;
            TextField f = textField("prop-" + spec.key() + "-" + i);
            f.setPromptText(AppTexts.get("inspector.phone.placeholder"));
            f.getStyleClass().add("tnum");
            f.textProperty().addListener((o, a, b) -> {
                if (!updating) {
                    List<String> list = numbers(edits.node());
                    if (index < list.size()) {
                        list.set(index, b);
                        edits.typed(spec, list);
                    }
                }
            });
            Button remove = new Button(null, Glyphs.ui("minus", 14));
            remove.setId("prop-" + spec.key() + "-remove-" + i);
            remove.getStyleClass().addAll("icon-button", "row-remove");
            remove.setTooltip(new Tooltip(AppTexts.get("inspector.phone.remove")));
            remove.setOnAction(e -> {
                List<String> list = numbers(edits.node());
                if (index < list.size()) {
                    list.remove(index);
                    edits.apply(AppTexts.get("edit.removeNumber"), fl -> fl.updateNode(edits.nodeId(),
                            n -> n.withProperty(spec.key(), list)));
                }
            });
            HBox row = new HBox(6, f, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(f, Priority.ALWAYS);
            fields.add(f);
            removes.add(remove);
            block.controlBox().getChildren().add(row);
        }
        add = new Button(AppTexts.get("inspector.phone.add"), Glyphs.ui("plus", 14));
        add.setId("prop-" + spec.key() + "-add");
        add.getStyleClass().addAll("small-button", "add-row");
        add.setOnAction(e -> {
            List<String> list = numbers(edits.node());
            list.add("");
            edits.apply(AppTexts.get("edit.addNumber"), fl -> fl.updateNode(edits.nodeId(),
                    n -> n.withProperty(spec.key(), list)));
        });
        block.controlBox().getChildren().add(add);
    }

    /** The node's numbers as an editable copy; a value that is not a list reads as none. */
    private List<String> numbers(FlowNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            for (Object o : Values.asList(node.property(spec.key()))) {
                out.add(o == null ? "" : Values.asText(o));
            }
        }
        return out;
    }

    @Override
    void refresh(FlowNode node) {
        List<?> list = Values.asList(node.property(spec.key()));
        for (int i = 0; i < fields.size() && i < list.size(); i++) {
            String n = Values.asText(list.get(i));
            setText(fields.get(i), n);
            String label = edits.messages().get("problem.phoneList.entry", i + 1);
            FieldBlock.mark(fields.get(i), n == null || n.isBlank() ? null
                    : PropertyChecks.phoneProblem(n, label, edits.messages()));
        }
        add.setDisable(spec.max() != null && list.size() >= spec.max());
        for (Button r : removes) {
            r.setDisable(list.size() <= 1);
        }
        block.setProblem(problem(node));
    }
}
