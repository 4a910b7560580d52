package org.switchboard.app.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * The inspector for one node: header (tile, name, "Type · Category"), the Name field, one field per property that
 * applies (made from the type's {@link PropertySpec}s), and the node's connections (From / Then rows that select the
 * neighbour when clicked).
 */
final class NodeForm implements InspectorView {

    private final EditorDocument doc;
    private final NodeTypes types;
    private final String nodeId;
    private final NodeType type;
    private final Messages m;
    private final Consumer<String> showNode;
    private final String shape;
    private final Header header;
    private final TextField name = new TextField();
    private final List<PropertyEditor> editors = new ArrayList<>();
    private final VBox connections = new VBox(6);
    private final VBox body;
    private List<Object> connectionsKey = List.of();
    private boolean updating;

    NodeForm(EditorDocument doc, FlowNode node, Consumer<String> showNode, NodeTypes types,
             PropertyEditors propertyEditors) {
        this.doc = doc;
        this.types = types;
        this.nodeId = node.id();
        this.type = types.get(node.type());
        this.m = AppTexts.engine();
        this.showNode = showNode;
        this.shape = shape(node, type);
        this.header = new Header(Glyphs.tile(node.type(), type == null ? null : type.category(), 34, 18), "", "");

        NodeEdits edits = new NodeEdits(doc, nodeId, type, types, m);
        name.setId("node-name");
        name.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                edits.rename(b);
            }
        });
        name.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                doc.sealEdits();
            }
        });
        name.setOnAction(e -> doc.sealEdits());

        List<Node> sections = new ArrayList<>();
        sections.add(Sections.section(AppTexts.get("inspector.name"), name));
        if (type == null) {
            sections.add(Sections.section(null, Sections.help(m.get("problem.unknownType", node.type()))));
        } else {
            name.setPromptText(type.label(m));
            VBox fields = new VBox();
            fields.getStyleClass().add("fields");
            for (PropertySpec spec : type.properties()) {
                if (PropertyChecks.applies(spec, node)) {
                    PropertyEditor editor = propertyEditors.create(edits, spec);
                    editors.add(editor);
                    fields.getChildren().add(editor.view());
                }
            }
            if (!editors.isEmpty()) {
                sections.add(Sections.section(AppTexts.get("inspector.settings"), fields));
            }
        }
        connections.setId("connections");
        sections.add(Sections.section(AppTexts.get("inspector.connections"), connections));
        body = Sections.body(sections.toArray(Node[]::new));
        refresh(doc.flow());
    }

    /**
     * What the form's layout depends on: the properties that apply and the number of list rows. While it stays
     * the same, the form follows changes in place (so focus and caret stay where the user is typing).
     */
    static String shape(FlowNode node, NodeType type) {
        StringBuilder sb = new StringBuilder(node.id()).append('|').append(node.type());
        if (type != null) {
            for (PropertySpec spec : type.properties()) {
                if (PropertyChecks.applies(spec, node)) {
                    sb.append('|').append(spec.key());
                    if (spec.kind().list()) {
                        sb.append('#').append(PropertyEditor.listSize(node, spec));
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public Node header() {
        return header;
    }

    @Override
    public Node body() {
        return body;
    }

    @Override
    public boolean refresh(Flow flow) {
        FlowNode node = flow.nodeOrNull(nodeId);
        if (node == null || !shape(node, type).equals(shape)) {
            return false;
        }
        String typeLabel = type == null ? node.type() : type.label(m);
        header.set(node.displayName(typeLabel), type == null ? typeLabel
                : AppTexts.get("inspector.typeAndCategory", typeLabel, m.get("category." + type.category().key())));
        if (!node.name().equals(name.getText())) {
            updating = true;
            try {
                name.setText(node.name());
            } finally {
                updating = false;
            }
        }
        for (PropertyEditor e : editors) {
            e.refresh(node);
        }
        refreshConnections(flow, node);
        return true;
    }

    private void refreshConnections(Flow flow, FlowNode node) {
        List<Wire> in = flow.wiresInto(nodeId);
        List<Wire> out = flow.wiresFrom(nodeId);
        List<Object> key = new ArrayList<>();
        for (Wire w : in) {
            key.add(w);
            key.add(flow.nodeOrNull(w.fromNode()));
        }
        for (Wire w : out) {
            key.add(w);
            key.add(flow.nodeOrNull(w.toNode()));
        }
        key.add(type == null ? null : type.outputs(node, m));
        if (key.equals(connectionsKey)) {
            return;
        }
        connectionsKey = key;
        connections.getChildren().clear();
        for (Wire w : in) {
            connections.getChildren().add(row(AppTexts.get("inspector.from"), flow.nodeOrNull(w.fromNode()),
                    w.fromNode()));
        }
        List<OutputPort> ports = type == null ? List.of() : type.outputs(node, m);
        for (Wire w : out) {
            String k = AppTexts.get("inspector.then");
            if (ports.size() > 1) {
                k = ports.stream().filter(p -> p.id().equals(w.fromPort())).map(OutputPort::label).findFirst()
                        .orElse(w.fromPort());
            }
            connections.getChildren().add(row(k, flow.nodeOrNull(w.toNode()), w.toNode()));
        }
        if (connections.getChildren().isEmpty()) {
            connections.getChildren().add(Sections.help(AppTexts.get(type != null && !type.hasInput()
                    ? "inspector.connections.noneTrigger" : "inspector.connections.none")));
        }
    }

    private Node row(String kind, FlowNode other, String otherId) {
        Label k = new Label(kind);
        k.getStyleClass().add("conn-kind");
        k.setMinWidth(Region.USE_PREF_SIZE);
        NodeType t = other == null ? null : types.get(other.type());
        String label = other == null ? otherId : other.displayName(t == null ? other.type() : t.label(m));
        Label name = new Label(label);
        name.getStyleClass().add("conn-name");
        name.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(9, k, Glyphs.tile(other == null ? "" : other.type(),
                t == null ? null : t.category(), 18, 11), name, spacer,
                Glyphs.ui("arrow-r", 13));
        row.getStyleClass().add("conn-row");
        row.setId("conn-" + otherId);
        row.setAlignment(Pos.CENTER_LEFT);
        if (other != null) {
            row.setOnMouseClicked(e -> showNode.accept(otherId));
        } else {
            row.setDisable(true);
        }
        return row;
    }
}
