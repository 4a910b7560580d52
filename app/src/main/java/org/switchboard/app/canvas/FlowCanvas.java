package org.switchboard.app.canvas;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The flow editor's drawing surface. It shows the document's current {@link Flow} as node cards and wires on a dot
 * grid, with pan and zoom, and turns gestures (drag from the palette, wiring, selection, moving, delete, clipboard)
 * into single undoable edits through {@link EditorDocument#apply}. Views are reconciled from each new flow value by
 * node id and never edited directly; a gesture only previews on the views until it commits. Zoom and pan are not
 * edits. Styles come from {@code canvas.css}; a {@code dark} style class on the canvas or any ancestor switches to
 * the dark tokens. Must be used on the JavaFX thread.
 */
public final class FlowCanvas extends Region {

    private static final String STYLESHEET = FlowCanvas.class.getResource("canvas.css").toExternalForm();
    private static final double FIT_MARGIN = 48;

    private final EditorDocument doc;
    private final NodeTypes types = NodeTypes.standard();
    private final PanZoom panZoom = new PanZoom(this::viewportChanged);
    private final CanvasColors colors = new CanvasColors(this::themeChanged);
    private final GridLayer grid = new GridLayer();
    private final Group wiresLayer = new Group();
    private final Group nodesLayer = new Group();
    private final Group previewLayer = new Group();
    private final Group content = new Group(wiresLayer, nodesLayer, previewLayer);
    private final Pane overlay = new Pane();
    private final VBox zoomControls;
    private final HBox hint;
    private final Minimap minimap;
    private final Map<String, NodeView> views = new LinkedHashMap<>();
    private final Map<Wire, WireView> wireViews = new HashMap<>();
    private final Map<String, List<WireView>> wiresByNode = new HashMap<>();
    private final Set<String> dirtyNodes = new HashSet<>();
    private final ObjectProperty<Wire> selectedWire = new SimpleObjectProperty<>(this, "selectedWire");
    private final CanvasMouse mouse;
    private final CanvasClipboard clipboard;
    private final Runnable pulseListener = this::afterLayout;
    private boolean viewportDirty = true;
    private boolean minimapDirty = true;
    private boolean allWiresDirty;

    public FlowCanvas(EditorDocument doc) {
        this.doc = doc;
        getStyleClass().add("flow-canvas");
        getStylesheets().add(STYLESHEET);
        setFocusTraversable(true);
        setMinSize(0, 0);
        setPrefSize(960, 620);

        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        content.getTransforms().addAll(panZoom.translate(), panZoom.scale());
        content.setAutoSizeChildren(false);
        wiresLayer.getStyleClass().add("wires-layer");
        nodesLayer.getStyleClass().add("nodes-layer");
        previewLayer.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        overlay.setManaged(false);
        overlay.getStyleClass().add("canvas-overlay");

        zoomControls = CanvasOverlays.zoomControls(this::zoomIn, this::zoomOut, this::zoomToFit);
        hint = CanvasOverlays.hint();
        minimap = new Minimap(colors, this::centreOn);
        for (Node n : List.of(zoomControls, hint, minimap)) {
            n.setManaged(false);
        }
        getChildren().addAll(grid, content, overlay, hint, zoomControls, minimap, colors);

        mouse = new CanvasMouse(this);
        clipboard = new CanvasClipboard(this);
        new CanvasKeys(this, mouse, clipboard).install();
        PaletteDropTarget.install(this);

        doc.flowProperty().addListener((o, a, b) -> reconcile(b));
        doc.selectedNodes().addListener((SetChangeListener<String>) c -> {
            if (c.wasAdded()) {
                setSelectedLook(c.getElementAdded(), true);
            }
            if (c.wasRemoved()) {
                setSelectedLook(c.getElementRemoved(), false);
            }
        });
        selectedWire.addListener((o, a, b) -> {
            if (a != null && wireViews.containsKey(a)) {
                wireViews.get(a).setSelected(false);
            }
            if (b != null && wireViews.containsKey(b)) {
                wireViews.get(b).setSelected(true);
            }
        });
        sceneProperty().addListener((o, a, b) -> movePulseListener(a, b));
        reconcile(doc.flow());
    }

    // ---- public API for the window ----

    public EditorDocument document() {
        return doc;
    }

    /** The zoom factor, 0.25 to 2.0 (1.0 = 100 %). Setting it zooms around the centre of the view. */
    public DoubleProperty zoomProperty() {
        return panZoom.zoomProperty();
    }

    public void zoomIn() {
        panZoom.zoomIn();
    }

    public void zoomOut() {
        panZoom.zoomOut();
    }

    public void resetZoom() {
        panZoom.zoomProperty().set(1.0);
    }

    /** Shows the whole flow, as large as fits up to 100 %. */
    public void zoomToFit() {
        Bounds b = flowBounds();
        if (b == null) {
            panZoom.zoomProperty().set(1.0);
            panZoom.panTo(FIT_MARGIN, FIT_MARGIN);
            return;
        }
        panZoom.fit(b, FIT_MARGIN);
    }

    /** Scrolls the view so that the node is in the middle (e.g. "Show" in the Problems panel). */
    public void reveal(String nodeId) {
        NodeView v = views.get(nodeId);
        if (v != null) {
            centreOn(v.getLayoutX() + v.width() / 2, v.getLayoutY() + v.height() / 2);
        }
    }

    /**
     * Adds a node of the given type where the user dropped it: {@code scenePoint} (scene coordinates, as in drag
     * events) lands in the new card's header, and the card snaps to the 20 px grid. One undo step ("Add Dial");
     * the new node is selected. Returns it, or {@code null} for an unknown type.
     */
    public FlowNode placeNode(String typeId, Point2D scenePoint) {
        Point2D local = sceneToLocal(scenePoint);
        return mouse.addNodeAt(typeId, panZoom.toWorld(local.getX(), local.getY()), null);
    }

    /** Adds a node of the given type in the middle of the visible area (keyboard "add" from the palette). */
    public FlowNode placeNode(String typeId) {
        Point2D centre = panZoom.toWorld(getWidth() / 2, getHeight() / 2);
        return mouse.addNodeAt(typeId, centre, null);
    }

    public void copy() {
        clipboard.copy();
    }

    public void cut() {
        clipboard.cut();
    }

    public void paste() {
        clipboard.paste();
    }

    public void duplicate() {
        clipboard.duplicate();
    }

    /** Deletes the selected nodes with their wires, or else the selected wire. */
    public void deleteSelection() {
        mouse.deleteSelection();
    }

    public void selectAll() {
        doc.select(views.keySet());
    }

    public void clearSelection() {
        doc.select(List.of());
        selectedWire.set(null);
    }

    /** The wire the user clicked, or {@code null}; wires are selected on the canvas only, not in the document. */
    public ReadOnlyObjectProperty<Wire> selectedWireProperty() {
        return selectedWire;
    }

    /** Writes the whole flow (not just the visible part) as a PNG at the given scale (1 or 2). */
    public void exportPng(Path file, double scale) throws IOException {
        FlowExporter.export(this, file, scale);
    }

    /** Writes the whole flow as a PNG at 2x, sharp on high-density screens and in documents. */
    public static void exportPng(FlowCanvas canvas, Path file) throws IOException {
        canvas.exportPng(file, 2);
    }

    // ---- package API for gestures ----

    PanZoom panZoom() {
        return panZoom;
    }

    NodeTypes types() {
        return types;
    }

    Group content() {
        return content;
    }

    Group previewLayer() {
        return previewLayer;
    }

    Group nodesLayer() {
        return nodesLayer;
    }

    Group wiresLayer() {
        return wiresLayer;
    }

    Pane overlay() {
        return overlay;
    }

    CanvasColors colors() {
        return colors;
    }

    boolean isOverlayControl(Node n) {
        for (Node p = n; p != null && p != this; p = p.getParent()) {
            if (p == zoomControls || p == minimap || p == hint || p == overlay) {
                return true;
            }
        }
        return false;
    }

    Map<String, NodeView> views() {
        return views;
    }

    NodeView view(String id) {
        return views.get(id);
    }

    ObjectProperty<Wire> selectedWire() {
        return selectedWire;
    }

    Point2D toWorld(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return panZoom.toWorld(local.getX(), local.getY());
    }

    /** Shows a selection that is not committed yet (rubber band): only the look, not the document. */
    void previewSelection(Set<String> ids) {
        views.forEach((id, v) -> v.setSelected(ids.contains(id)));
    }

    void restoreSelectionLook() {
        previewSelection(doc.selectedNodes());
    }

    void centreOn(double worldX, double worldY) {
        panZoom.panTo(getWidth() / 2 - worldX * panZoom.zoom(), getHeight() / 2 - worldY * panZoom.zoom());
    }

    /** The world rectangle holding every node, or {@code null} for an empty flow. */
    Bounds flowBounds() {
        if (views.isEmpty()) {
            return null;
        }
        if (getScene() != null) {
            applyCss();
            layout();
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeView v : views.values()) {
            minX = Math.min(minX, v.getLayoutX());
            minY = Math.min(minY, v.getLayoutY());
            maxX = Math.max(maxX, v.getLayoutX() + v.width());
            maxY = Math.max(maxY, v.getLayoutY() + v.height());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** Brings wires, grid and minimap up to date now (normally done once per frame). */
    void flush() {
        afterLayout();
    }

    // ---- reconciling views with the flow ----

    private void reconcile(Flow flow) {
        Messages m = AppTexts.engine();
        Map<String, List<Problem>> problems = new HashMap<>();
        for (Problem p : FlowValidator.validate(flow, m)) {
            if (p.nodeId() != null) {
                problems.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
            }
        }
        Set<String> inputConnected = new HashSet<>();
        Map<String, Set<String>> outputsConnected = new HashMap<>();
        for (Wire w : flow.wires()) {
            if (flow.contains(w.fromNode()) && flow.contains(w.toNode())) {
                inputConnected.add(w.toNode());
                outputsConnected.computeIfAbsent(w.fromNode(), k -> new LinkedHashSet<>()).add(w.fromPort());
            }
        }

        List<NodeView> added = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (FlowNode n : flow.nodes()) {
            present.add(n.id());
            NodeView v = views.get(n.id());
            if (v == null) {
                v = new NodeView(n.id(), this::nodeGeometryChanged);
                views.put(n.id(), v);
                added.add(v);
            }
            NodeType type = types.get(n.type());
            List<String> unknownOutputs = type == null
                    ? List.copyOf(outputsConnected.getOrDefault(n.id(), Set.of())) : List.of();
            v.show(n, type, problems.getOrDefault(n.id(), List.of()), unknownOutputs, m);
            v.setConnections(inputConnected.contains(n.id()), outputsConnected.getOrDefault(n.id(), Set.of()));
            v.setSelected(doc.selectedNodes().contains(n.id()));
        }
        if (views.size() != present.size()) {
            Set<NodeView> gone = new HashSet<>();
            views.entrySet().removeIf(e -> {
                if (!present.contains(e.getKey())) {
                    gone.add(e.getValue());
                    return true;
                }
                return false;
            });
            nodesLayer.getChildren().removeAll(gone);
        }
        nodesLayer.getChildren().addAll(added);
        reconcileWires(flow);
        minimapDirty = true;
        Platform.requestNextPulse();
    }

    private void reconcileWires(Flow flow) {
        Set<Wire> current = new HashSet<>(flow.wires());
        List<WireView> gone = new ArrayList<>();
        wireViews.entrySet().removeIf(e -> {
            if (!current.contains(e.getKey())) {
                gone.add(e.getValue());
                return true;
            }
            return false;
        });
        if (!gone.isEmpty()) {
            wiresLayer.getChildren().removeAll(new HashSet<>(gone));
        }
        List<WireView> added = new ArrayList<>();
        for (Wire w : flow.wires()) {
            if (!wireViews.containsKey(w)) {
                WireView wv = new WireView(w);
                wireViews.put(w, wv);
                added.add(wv);
            }
        }
        wiresLayer.getChildren().addAll(added);
        if (!gone.isEmpty() || !added.isEmpty()) {
            wiresByNode.clear();
            for (WireView wv : wireViews.values()) {
                wiresByNode.computeIfAbsent(wv.wire().fromNode(), k -> new ArrayList<>()).add(wv);
                wiresByNode.computeIfAbsent(wv.wire().toNode(), k -> new ArrayList<>()).add(wv);
            }
            allWiresDirty = true;
        }
        Wire sel = selectedWire.get();
        if (sel != null && !current.contains(sel)) {
            selectedWire.set(null);
        } else if (sel != null) {
            wireViews.get(sel).setSelected(true);
        }
    }

    private void setSelectedLook(String id, boolean selected) {
        NodeView v = views.get(id);
        if (v != null) {
            v.setSelected(selected);
        }
    }

    private void nodeGeometryChanged(NodeView v) {
        dirtyNodes.add(v.nodeId());
        minimapDirty = true;
        Platform.requestNextPulse();
    }

    void updateWire(WireView wv) {
        Wire w = wv.wire();
        NodeView from = views.get(w.fromNode());
        NodeView to = views.get(w.toNode());
        wv.connect(from == null ? null : from.outputPoint(w.fromPort()),
                to == null || !to.hasInput() ? null : to.inputPoint());
    }

    // ---- per-frame work ----

    private void movePulseListener(Scene oldScene, Scene newScene) {
        if (oldScene != null) {
            oldScene.removePostLayoutPulseListener(pulseListener);
        }
        if (newScene != null) {
            newScene.addPostLayoutPulseListener(pulseListener);
        }
    }

    /** Runs after CSS and layout in every pulse: wires follow their nodes; grid and minimap follow the view. */
    private void afterLayout() {
        if (allWiresDirty) {
            wireViews.values().forEach(this::updateWire);
            allWiresDirty = false;
            dirtyNodes.clear();
        } else if (!dirtyNodes.isEmpty()) {
            Set<WireView> touched = new HashSet<>();
            for (String id : dirtyNodes) {
                touched.addAll(wiresByNode.getOrDefault(id, List.of()));
            }
            dirtyNodes.clear();
            touched.forEach(this::updateWire);
        }
        if (viewportDirty) {
            viewportDirty = false;
            grid.draw(panZoom.zoom(), panZoom.panX(), panZoom.panY(), colors.get(CanvasColors.Key.DOT));
            minimap.drawFrame(panZoom.visibleWorld());
        }
        if (minimapDirty) {
            minimapDirty = false;
            drawMinimap();
        }
    }

    private void drawMinimap() {
        List<Minimap.Item> items = new ArrayList<>(views.size());
        for (NodeView v : views.values()) {
            NodeType t = types.get(v.node().type());
            CanvasColors.Key c = v.getPseudoClassStates().contains(NodeView.WARNING) ? CanvasColors.Key.WARN
                    : t == null ? CanvasColors.Key.UNKNOWN
                    : switch (t.category()) {
                        case EVENTS -> CanvasColors.Key.EVENTS;
                        case CALL_CONTROL -> CanvasColors.Key.CALL_CONTROL;
                        case ROUTING -> CanvasColors.Key.ROUTING;
                    };
            items.add(new Minimap.Item(v.getLayoutX(), v.getLayoutY(), v.width(), v.height(), c));
        }
        Bounds b = views.isEmpty() ? null : worldBoundsQuick();
        minimap.drawNodes(items, b == null ? null
                : new BoundingBox(b.getMinX() - 40, b.getMinY() - 40, b.getWidth() + 80, b.getHeight() + 80));
        minimap.drawFrame(panZoom.visibleWorld());
    }

    private Bounds worldBoundsQuick() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeView v : views.values()) {
            minX = Math.min(minX, v.getLayoutX());
            minY = Math.min(minY, v.getLayoutY());
            maxX = Math.max(maxX, v.getLayoutX() + v.width());
            maxY = Math.max(maxY, v.getLayoutY() + v.height());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private void viewportChanged() {
        viewportDirty = true;
        Platform.requestNextPulse();
    }

    private void themeChanged() {
        viewportDirty = true;
        minimapDirty = true;
        Platform.requestNextPulse();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w != panZoom.viewWidth() || h != panZoom.viewHeight()) {
            panZoom.setViewSize(w, h);
            grid.setWidth(w);
            grid.setHeight(h);
            viewportChanged();
        }
        overlay.resize(w, h);
        layoutFloating(hint, 16, h - 14 - hint.prefHeight(-1));
        layoutFloating(minimap, w - 16 - Minimap.WIDTH, h - 16 - Minimap.HEIGHT);
        double zw = zoomControls.prefWidth(-1);
        layoutFloating(zoomControls, w - 16 - Minimap.WIDTH - 8 - zw, h - 16 - zoomControls.prefHeight(zw));
    }

    private static void layoutFloating(Region r, double x, double y) {
        double w = r.prefWidth(-1);
        r.resizeRelocate(Math.round(x), Math.round(y), w, r.prefHeight(w));
    }

    /** Deletes the given nodes (one step) — used by delete and cut. */
    void deleteNodes(Collection<String> ids, String label) {
        List<String> list = List.copyOf(ids);
        doc.apply(label, f -> f.withoutNodes(list));
    }
}
