package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.icons.NodeIcons;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;

/**
 * The card of one flow node (see the design's "node card anatomy"): a header with the category tile, the title
 * and the type tag, a one-line summary, labelled output rows for nodes with several outputs, and a warning footer
 * and badge when the node has problems. Ports sit on the card edges. The view only shows a {@link FlowNode}; it is
 * rebuilt from the flow by {@link FlowCanvas} and never edited directly. Looks and states are CSS (style class
 * {@code node-view}, category class {@code cat-<category>}, pseudo-classes {@code :selected}, {@code :warning},
 * {@code :active}); the node id is the CSS id {@code node-<id>}.
 */
final class NodeView extends Region {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    /** Port centres in the header row sit this far below the card's outer top (1 border + 10 padding + 11). */
    static final double PORT_Y = 22;
    static final double GRID = 8;
    static final double MIN_WIDTH = 112;
    static final double MAX_WIDTH = 296;

    private final String nodeId;
    private final Consumer<NodeView> geometryListener;
    private final VBox card = new VBox();
    private final Map<String, PortView> outputs = new LinkedHashMap<>();
    private final Map<String, Region> outputRows = new LinkedHashMap<>();
    private final Map<String, Double> outputY = new LinkedHashMap<>();
    private PortView input;
    private StackPane badge;
    private FlowNode node;
    private List<Problem> problems = List.of();
    private String categoryClass;
    private double laidOutWidth = -1;

    NodeView(String nodeId, Consumer<NodeView> geometryListener) {
        this.nodeId = nodeId;
        this.geometryListener = geometryListener;
        getStyleClass().add("node-view");
        setId("node-" + nodeId);
        card.getStyleClass().add("node-card");
        card.setFillWidth(true);
        getChildren().add(card);
        layoutXProperty().addListener((o, a, b) -> geometryListener.accept(this));
        layoutYProperty().addListener((o, a, b) -> geometryListener.accept(this));
    }

    String nodeId() {
        return nodeId;
    }

    FlowNode node() {
        return node;
    }

    /**
     * Shows the node. Rebuilds the card only when something other than the position changed, so moving and
     * re-validating a large flow stays cheap.
     */
    void show(FlowNode newNode, NodeType type, List<Problem> newProblems, List<String> unknownOutputs, Messages m) {
        boolean sameContent = node != null && sameContent(node, newNode) && problems.equals(newProblems);
        node = newNode;
        problems = List.copyOf(newProblems);
        relocate(newNode.position().x(), newNode.position().y());
        if (!sameContent) {
            rebuild(type, unknownOutputs, m);
        }
    }

    private static boolean sameContent(FlowNode a, FlowNode b) {
        return a.type().equals(b.type()) && a.name().equals(b.name()) && a.properties().equals(b.properties())
                && a.extra().equals(b.extra());
    }

    private void rebuild(NodeType type, List<String> unknownOutputs, Messages m) {
        card.getChildren().clear();
        getChildren().retainAll(card);
        outputs.clear();
        outputRows.clear();
        outputY.clear();
        input = null;
        badge = null;
        laidOutWidth = -1;

        String catClass = type == null ? "unknown" : "cat-" + type.category().key();
        if (!catClass.equals(categoryClass)) {
            if (categoryClass != null) {
                getStyleClass().remove(categoryClass);
            }
            getStyleClass().add(catClass);
            categoryClass = catClass;
        }

        String typeLabel = type == null ? node.type() : type.label(m);
        String title = type == null ? AppTexts.get("canvas.node.unknown", node.type()) : node.displayName(typeLabel);
        VBox body = new VBox();
        body.getStyleClass().add("node-body");
        body.getChildren().add(header(type, title, type != null && !node.name().isBlank()
                && !node.name().strip().equals(typeLabel) ? typeLabel : null));
        String summary = type == null ? null : type.summary(node, m);
        if (summary != null && !summary.isBlank()) {
            Label s = new Label(summary);
            s.getStyleClass().add("node-summary");
            s.setTextOverrun(OverrunStyle.ELLIPSIS);
            s.setMinWidth(0);
            s.setMaxWidth(Double.MAX_VALUE);
            body.getChildren().add(s);
        }
        card.getChildren().add(body);

        List<OutputPort> ports = new ArrayList<>();
        if (type != null) {
            ports.addAll(type.outputs(node, m));
        } else {
            unknownOutputs.forEach(p -> ports.add(new OutputPort(p, p)));
        }
        if (type == null || type.hasInput()) {
            input = new PortView(nodeId, null);
            getChildren().add(input);
        }
        if (ports.size() == 1) {
            addOutputPort(ports.get(0).id());
        } else if (ports.size() > 1) {
            VBox rows = new VBox();
            rows.getStyleClass().add("node-outputs");
            for (OutputPort p : ports) {
                Label l = new Label(p.label());
                l.getStyleClass().add("node-output-label");
                l.setMinWidth(Region.USE_PREF_SIZE);
                HBox row = new HBox(l);
                row.getStyleClass().add("node-output-row");
                rows.getChildren().add(row);
                outputRows.put(p.id(), row);
                addOutputPort(p.id());
            }
            card.getChildren().add(rows);
        }
        card.pseudoClassStateChanged(PseudoClass.getPseudoClass("has-below"), card.getChildren().size() > 1
                || !problems.isEmpty());
        pseudoClassStateChanged(WARNING, !problems.isEmpty());
        if (!problems.isEmpty()) {
            addWarning();
        }
        requestLayout();
    }

    private HBox header(NodeType type, String title, String typeTag) {
        StackPane tile = new StackPane(NodeIcons.icon(type == null ? "unknown" : type.id(), 14));
        tile.getStyleClass().add("node-tile");
        Label t = new Label(title);
        t.getStyleClass().add("node-title");
        t.setTextOverrun(OverrunStyle.ELLIPSIS);
        t.setMinWidth(0);
        HBox header = new HBox(tile, t);
        header.getStyleClass().add("node-header");
        if (typeTag != null) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            spacer.setMinWidth(6);
            Label tag = new Label(typeTag);
            tag.getStyleClass().add("node-type");
            tag.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().addAll(spacer, tag);
        }
        return header;
    }

    private void addOutputPort(String portId) {
        PortView p = new PortView(nodeId, portId);
        outputs.put(portId, p);
        getChildren().add(p);
    }

    private void addWarning() {
        String all = problems.stream().map(Problem::message).collect(Collectors.joining("\n"));
        Label reason = new Label(shortReason(problems.get(0).message()));
        reason.getStyleClass().add("node-footer-text");
        reason.setTextOverrun(OverrunStyle.ELLIPSIS);
        // The reason may widen the card up to the maximum width; beyond that it is cut with an ellipsis.
        reason.setMinWidth(0);
        reason.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox footer = new HBox(NodeIcons.ui("warn", 13), reason);
        footer.getStyleClass().add("node-footer");
        card.getChildren().add(footer);

        badge = new StackPane(NodeIcons.ui("excl", 12));
        badge.getStyleClass().add("node-badge");
        badge.setManaged(false);
        badge.resize(20, 20);
        Tooltip tip = new Tooltip(all);
        tip.setShowDelay(Duration.millis(250));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(badge, tip);
        Tooltip.install(footer, tip);
        getChildren().add(badge);
    }

    /**
     * A few words for the footer from a full problem sentence: without the "Field: " prefix, quoted values and
     * examples ('Number 1: "0151 2345678" needs the country code, e.g. +49 ...' gives "Needs the country code").
     * The whole sentence stays in the tooltip and in the Problems panel.
     */
    static String shortReason(String message) {
        String s = message.strip();
        s = s.replaceFirst("^([^\"]{1,40}?:\\s+(?=\")|[^\":]{1,16}:\\s+)", "");
        s = s.replaceAll("\"[^\"]*\"\\s*", "").strip();
        for (String cut : List.of(", e.g.", ", z. B.", "; ", " (", ". ")) {
            int i = s.indexOf(cut);
            if (i > 0) {
                s = s.substring(0, i);
            }
        }
        s = s.replaceAll("[.:\\s]+$", "");
        if (s.isEmpty()) {
            return message;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Fills the ports that wires use. */
    void setConnections(boolean inputConnected, Set<String> connectedOutputs) {
        if (input != null) {
            input.setConnected(inputConnected);
        }
        outputs.forEach((id, p) -> p.setConnected(connectedOutputs.contains(id)));
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    boolean hasInput() {
        return input != null;
    }

    PortView inputPort() {
        return input;
    }

    PortView outputPort(String portId) {
        return outputs.get(portId);
    }

    Set<String> outputIds() {
        return Collections.unmodifiableSet(outputs.keySet());
    }

    /** The input port's centre in canvas (world) coordinates. */
    Point2D inputPoint() {
        return new Point2D(getLayoutX(), getLayoutY() + PORT_Y);
    }

    /** An output port's centre in canvas (world) coordinates, or {@code null} when the node has no such port. */
    Point2D outputPoint(String portId) {
        if (!outputs.containsKey(portId)) {
            return null;
        }
        double y = outputY.getOrDefault(portId, PORT_Y);
        return new Point2D(getLayoutX() + width(), getLayoutY() + y);
    }

    /** The card's width, even before the first layout pass. */
    double width() {
        return getWidth() > 0 ? getWidth() : prefWidth(-1);
    }

    double height() {
        return getHeight() > 0 ? getHeight() : prefHeight(width());
    }

    @Override
    protected double computePrefWidth(double height) {
        double content = card.prefWidth(-1);
        double w = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, content));
        return Math.ceil(w / GRID) * GRID;
    }

    @Override
    protected double computePrefHeight(double width) {
        return card.prefHeight(width < 0 ? computePrefWidth(-1) : width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        card.resizeRelocate(0, 0, w, h);
        card.layout();
        boolean moved = w != laidOutWidth;
        laidOutWidth = w;
        if (input != null) {
            input.centreAt(0, PORT_Y);
        }
        for (Map.Entry<String, PortView> e : outputs.entrySet()) {
            Region row = outputRows.get(e.getKey());
            double y = row == null ? PORT_Y
                    : row.getParent().getLayoutY() + row.getLayoutY() + row.getHeight() / 2;
            Double old = outputY.put(e.getKey(), y);
            moved |= !Objects.equals(old, y);
            e.getValue().centreAt(w, y);
        }
        if (badge != null) {
            badge.relocate(w - 11, -9);
        }
        if (moved) {
            geometryListener.accept(this);
        }
    }
}
