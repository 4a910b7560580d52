package org.switchboard.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.PropertyKind;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * The app side of open property kinds: a node type the app has never seen, with a kind of property it has never
 * seen, gets its editor in the inspector through the kind's editor id alone (the editor below is all that is
 * added); edits made there land in the flow; and a kind without an editor is shown read-only, not as a text field.
 */
@ExtendWith(ApplicationExtension.class)
class NewPropertyKindTest {

    private static final String DAYS = "days";
    private static final PropertyKind WEEKDAYS = new PropertyKind("test.weekdays", List.of("SUN"), true,
            v -> Values.asList(v.value()).isEmpty() ? v.label() + ": choose at least one day" : null);
    private static final PropertyKind NO_EDITOR = new PropertyKind("test.none", "kept", false, v -> null);

    /** A routing node with one property of each new kind. */
    private static final class ClosedDaysType implements NodeType {
        @Override
        public String id() {
            return "test.closedDays";
        }

        @Override
        public Category category() {
            return Category.ROUTING;
        }

        @Override
        public List<PropertySpec> properties() {
            return List.of(PropertySpec.of(DAYS, WEEKDAYS), PropertySpec.of("extra", NO_EDITOR));
        }

        @Override
        public List<OutputPort> outputs(FlowNode node, Messages messages) {
            return List.of(new OutputPort("open", "open"), new OutputPort("closed", "closed"));
        }

        @Override
        public String summary(FlowNode node, Messages messages) {
            return "";
        }

        @Override
        public Outcome run(FlowNode node, CallContext call) {
            return new Outcome.Route("open");
        }
    }

    /** The new kind's editor: one toggle per weekday. */
    static final class WeekdaysEditor extends PropertyEditor {
        private static final List<String> DAY_IDS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
        private final List<ToggleButton> toggles = new ArrayList<>();

        WeekdaysEditor(NodeEdits edits, PropertySpec spec) {
            super(edits, spec);
            HBox row = new HBox(4);
            row.setId("weekdays-" + spec.key());
            for (String day : DAY_IDS) {
                ToggleButton t = new ToggleButton(day);
                t.setId("day-" + day);
                t.selectedProperty().addListener((o, a, b) -> {
                    if (!updating) {
                        edits.clicked(spec, DAY_IDS.stream()
                                .filter(d -> toggles.get(DAY_IDS.indexOf(d)).isSelected()).toList());
                    }
                });
                toggles.add(t);
                row.getChildren().add(t);
            }
            block.setControl(row);
        }

        @Override
        void refresh(FlowNode node) {
            List<String> days = Values.asList(node.property(spec.key())).stream().map(Values::asText).toList();
            updating = true;
            try {
                for (int i = 0; i < DAY_IDS.size(); i++) {
                    toggles.get(i).setSelected(days.contains(DAY_IDS.get(i)));
                }
            } finally {
                updating = false;
            }
            block.setProblem(problem(node));
        }
    }

    private EditorDocument doc;
    private InspectorPane inspector;

    @Start
    void start(Stage stage) {
        List<NodeType> all = new ArrayList<>(NodeTypes.standard().all());
        all.add(new ClosedDaysType());
        NodeTypes types = new NodeTypes(all);
        doc = EditorDocument.checkedBy(types, AppTexts.engine());
        FlowNode node = types.get("test.closedDays").newNode("n1", 0, 0);
        doc = EditorDocument.checkedBy(types, Messages.ENGLISH);
        doc.reset(Flow.of("f", List.of(node), List.of()), null, true);
        inspector = new InspectorPane(doc, id -> { }, types,
                PropertyEditors.standard().with("test.weekdays", WeekdaysEditor::new));
        stage.setScene(new Scene(inspector, 360, 700));
        stage.show();
    }

    @Test
    void theNewKindGetsItsEditorByIdAndEditsTheFlow(FxRobot robot) {
        robot.interact(() -> doc.select(List.of("n1")));
        WaitForAsyncUtils.waitForFxEvents();
        Node days = robot.lookup("#weekdays-days").query();
        assertNotNull(days, "the editor mapped to the kind's editor id is in the form");
        ToggleButton sunday = robot.lookup("#day-SUN").queryAs(ToggleButton.class);
        assertTrue(sunday.isSelected(), "the editor shows the kind's default");

        robot.clickOn("#day-MON");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("MON", "SUN"), doc.flow().nodeOrNull("n1").property(DAYS));

        robot.clickOn("#day-MON");
        robot.clickOn("#day-SUN");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), doc.flow().nodeOrNull("n1").property(DAYS));
        assertTrue(robot.lookup(".field-message").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.isVisible() && l.getText().contains("choose at least one day")),
                "the kind's own check shows under its editor");
    }

    @Test
    void aKindWithoutAnEditorIsShownReadOnly(FxRobot robot) {
        robot.interact(() -> doc.select(List.of("n1")));
        WaitForAsyncUtils.waitForFxEvents();
        Node extra = robot.lookup("#prop-extra").query();
        assertInstanceOf(Label.class, extra, "no text field for a kind the app has no editor for");
        assertEquals("kept", ((Label) extra).getText());
        assertEquals(Map.of("days", List.of("SUN"), "extra", "kept"),
                doc.flow().nodeOrNull("n1").properties());
    }
}
