package org.switchboard.app.canvas;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import org.switchboard.app.document.DocumentState;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.ui.Action;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The flow editor's drawing surface. It shows the document's current {@link Flow} as node cards and wires on a dot
 * grid, with pan and zoom, and turns gestures (drag from the palette, wiring, selection, moving, delete, clipboard)
 * into single undoable edits through {@link EditorDocument#apply}. Views are reconciled from each new flow value by
 * node id and never edited directly; a gesture only previews until it commits. Only the cards near the visible
 * area exist as scene nodes, and far out they are drawn in a simpler form, so large flows stay fast. Zoom and pan
 * are not edits. Styles come from {@code canvas.css}; a {@code dark} style class on the canvas or any ancestor
 * switches to the dark tokens. Must be used on the JavaFX thread.
 */
public final class FlowCanvas extends Region {

    private static final String STYLESHEET = FlowCanvas.class.getResource("canvas.css").toExternalForm();
    private static final double FIT_MARGIN = 48;
    /** The least room around a flow that "fit" shows at 100 % rather than shrinking it. */
    private static final double FIT_MIN_MARGIN = 16;
    /** Below this zoom, cards are drawn without texts and ports (they would be unreadable anyway). */
    static final double LOD_ZOOM = CardPolicy.LOD_ZOOM;

    private final EditorDocument doc;
    private final NodeTypes types;
    private final Messages messages;
    private final CardMeasurer measurer = new CardMeasurer();
    private final CanvasModel model;
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
    private final CanvasViews views;
    private final SimpleCardLooks simpleLooks;
    private final ObjectProperty<Wire> selectedWire = new SimpleObjectProperty<>(this, "selectedWire");
    private final CanvasMouse mouse;
    private final CanvasClipboard clipboard;
    private final CanvasKeys keys;
    private Set<String> selectionPreview;
    private Set<String> live = Set.of();
    private Set<String> covered = Set.of();
    private CallPath callPath = CallPath.NONE;
    private final List<Region> banners = new ArrayList<>();
    private Map<String, String> callStates = Map.of();
    private Set<String> untestedNodes = Set.of();
    private Map<String, Set<String>> untestedOutputs = Map.of();
    private String hoveredCard;
    private UnaryOperator<CardLook> lookFilter = UnaryOperator.identity();
    /** A zoom gesture ends this long after its last step. */
    static final Duration ZOOM_SETTLE = Duration.millis(150);
    /** The minimap's view frame is repainted at most this often while the view moves. */
    private static final long MINIMAP_FRAME_NANOS = 100_000_000L;
    private final PauseTransition zoomSettle = new PauseTransition(ZOOM_SETTLE);
    private final PauseTransition minimapFrameLater = new PauseTransition(Duration.millis(100));
    private long lastZoomStep = Long.MIN_VALUE / 2;
    private long lastMinimapFrame = Long.MIN_VALUE / 2;
    private boolean viewportDirty = true;
    private boolean minimapDirty = true;

    /**
     * @param types    the node types the cards show
     * @param messages the language of the cards' labels
     */
    public FlowCanvas(EditorDocument doc, NodeTypes types, Messages messages) {
        this.doc = doc;
        this.types = types;
        this.messages = messages;
        this.model = new CanvasModel(types, measurer);
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
        nodesLayer.setAutoSizeChildren(false);
        wiresLayer.setAutoSizeChildren(false);
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
        getChildren().addAll(grid, content, overlay, hint, zoomControls, minimap, colors, measurer.probes());
        simpleLooks = new SimpleCardLooks(colors);
        views = new CanvasViews(this, model, measurer, simpleLooks, nodesLayer, wiresLayer);
        panZoom.setOnZoom(this::zooming);
        zoomSettle.setOnFinished(e -> zoomSettled());
        minimapFrameLater.setOnFinished(e -> drawMinimapFrame());

        mouse = new CanvasMouse(this);
        clipboard = new CanvasClipboard(this);
        keys = new CanvasKeys(this, mouse, clipboard);
        keys.install();
        PaletteDropTarget.install(this);

        doc.flowProperty().addListener((o, a, b) -> reconcile(doc.state()));
        doc.selectedNodes().addListener((SetChangeListener<String>) c -> {
            if (c.wasAdded()) {
                views.refreshLook(c.getElementAdded());
            }
            if (c.wasRemoved()) {
                views.refreshLook(c.getElementRemoved());
            }
        });
        selectedWire.addListener((o, a, b) -> views.setWireSelected(b));
        reconcile(doc.state());
    }

    // ---- public API for the window ----

    /**
     * The canvas's actions (select all, cut, copy, paste, duplicate, delete, zoom in/out/fit/100 %) with their keys,
     * which the canvas handles while it has the focus; the window's menus show the same actions.
     */
    public List<Action> actions() {
        return keys.actions();
    }

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

    /**
     * 100 %, about the middle of the view; a left or top edge of the flow that was in view stays in view, so the
     * first node (where calls come in) is not cut off.
     */
    public void resetZoom() {
        Bounds flow = flowBounds();
        Point2D edge = flow == null ? null : panZoom.toView(flow.getMinX(), flow.getMinY());
        boolean leftShown = edge != null && edge.getX() >= 0;
        boolean topShown = edge != null && edge.getY() >= 0;
        panZoom.zoomProperty().set(1.0);
        if (flow == null) {
            return;
        }
        edge = panZoom.toView(flow.getMinX(), flow.getMinY());
        double dx = leftShown && edge.getX() < FIT_MIN_MARGIN ? FIT_MIN_MARGIN - edge.getX() : 0;
        double dy = topShown && edge.getY() < FIT_MIN_MARGIN ? FIT_MIN_MARGIN - edge.getY() : 0;
        panZoom.panBy(dx, dy);
    }

    /** Shows the whole flow, as large as fits up to 100 %. */
    public void zoomToFit() {
        Bounds b = flowBounds();
        if (b == null) {
            panZoom.zoomProperty().set(1.0);
            panZoom.panTo(FIT_MARGIN, FIT_MARGIN);
            return;
        }
        panZoom.fit(b, FIT_MARGIN, FIT_MIN_MARGIN);
    }

    /**
     * A picture of a new node's card of this type, at 100 %, as the canvas draws it in the current theme (the
     * palette's drag image); null for an unknown type or before the canvas is in a scene.
     */
    public Image cardImage(String typeId) {
        NodeType type = types.get(typeId);
        if (type == null || getScene() == null) {
            return null;
        }
        FlowNode node = type.newNode("palette-preview", 0, 0);
        NodeEntry e = new NodeEntry(node.id());
        e.update(node, type, List.of(), List.of());
        NodeView card = new NodeView(node.id(), simpleLooks);
        // in the node layer for a moment, so that it gets the canvas's styles; never part of a pulse
        nodesLayer.getChildren().add(card);
        try {
            card.show(e, model.geometry(e), measurer,
                    new CardLook(false, false, false, false, false, CardLook.Detail.FULL), true);
            card.applyCss();
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            return card.snapshot(params, null);
        } finally {
            nodesLayer.getChildren().remove(card);
        }
    }

    /** Scrolls the view so that the node is in the middle (e.g. "Show" in the Problems panel). */
    public void reveal(String nodeId) {
        NodeEntry e = model.entry(nodeId);
        if (e != null) {
            CardGeometry g = model.geometry(e);
            centreOn(e.x() + g.width() / 2, e.y() + g.height() / 2);
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
        doc.select(model.ids());
    }

    public void clearSelection() {
        doc.select(List.of());
        selectedWire.set(null);
    }

    /** The wire the user clicked, or {@code null}; wires are selected on the canvas only, not in the document. */
    public ReadOnlyObjectProperty<Wire> selectedWireProperty() {
        return selectedWire;
    }

    /**
     * Marks the nodes a call is at right now ({@code :live}) and those calls have passed ({@code :covered}); the
     * cards, and anything else that reads their {@link CardLook}, show it.
     */
    public void showCalls(Collection<String> liveIds, Collection<String> coveredIds) {
        Set<String> before = new HashSet<>(live);
        before.addAll(covered);
        live = Set.copyOf(liveIds);
        covered = Set.copyOf(coveredIds);
        before.addAll(live);
        before.addAll(covered);
        before.forEach(views::refreshLook);
        minimapDirty = true;
        requestLayout();
    }

    /**
     * Shows the way one call took: the nodes it is at now glow ({@code :live}), the nodes it passed are {@code
     * :covered}, the wires it took are lit in the live colour in this order (style class {@code wire}, {@code :lit},
     * with a glow underneath), the ports at their ends are filled ({@code :on-path}) and a taken output's label sits in
     * a pill. Replaces the path shown before; it stays until the next call or {@link #clearPath()}. Wires or nodes
     * the flow no longer has are left out. Independent of {@link #showCalls}: a card is live if either says so.
     */
    public void showPath(Collection<String> liveIds, Collection<String> visitedIds, Collection<Wire> wiresTaken) {
        Set<String> touched = new HashSet<>(callPath.nodes());
        callPath = CallPath.of(liveIds, visitedIds, wiresTaken);
        touched.addAll(callPath.nodes());
        touched.forEach(views::refreshLook);
        views.wires().setLit(callPath.wires());
        minimapDirty = true;
        requestLayout();
    }

    /** Floats {@code banner} at the top centre of the canvas (e.g. the live call pill); it shows while visible. */
    public void addBanner(Region banner) {
        banner.setManaged(false);
        banners.add(banner);
        getChildren().add(getChildren().indexOf(hint), banner);
        requestLayout();
    }

    /**
     * Says what a call is doing at a node in a live pill in its card's header ("● Ringing"), by node id; an empty map
     * takes every pill away. Replaces the pills shown before.
     */
    public void showCallStates(Map<String, String> labelsByNode) {
        Set<String> touched = new HashSet<>(callStates.keySet());
        callStates = Map.copyOf(labelsByNode);
        touched.addAll(callStates.keySet());
        touched.forEach(views::refreshLook);
    }

    String callState(String nodeId) {
        return callStates.get(nodeId);
    }

    /** Takes the path of {@link #showPath} off the canvas. */
    public void clearPath() {
        showPath(List.of(), List.of(), List.of());
    }

    /**
     * Marks what no test call reaches: these nodes' cards ({@code :untested}, a dashed ring) and these outputs'
     * ports ({@code :untested}, hollow in the warning colour), by node id and output id. Empty collections clear it.
     */
    public void showUntested(Collection<String> nodeIds, Map<String, Set<String>> outputsByNode) {
        Set<String> touched = new HashSet<>(untestedNodes);
        touched.addAll(untestedOutputs.keySet());
        untestedNodes = Set.copyOf(nodeIds);
        untestedOutputs = Map.copyOf(outputsByNode);
        touched.addAll(untestedNodes);
        touched.addAll(untestedOutputs.keySet());
        touched.forEach(views::refreshLook);
    }

    boolean untested(String nodeId) {
        return untestedNodes.contains(nodeId);
    }

    Set<String> untestedOutputs(String nodeId) {
        return untestedOutputs.getOrDefault(nodeId, Set.of());
    }

    /** The path shown now (for the cards and tests). */
    CallPath callPath() {
        return callPath;
    }

    /** The look of a node's card at the given level of detail: selection, pointer, problems, calls. */
    CardLook lookOf(NodeEntry e, CardLook.Detail detail) {
        String id = e.id;
        return lookFilter.apply(new CardLook(selected(id), id.equals(hoveredCard), e.hasWarning(), e.hasError(),
                live.contains(id) || callPath.live().contains(id),
                covered.contains(id) || callPath.visited().contains(id), detail));
    }

    /** The look of a node's card as it is shown now (its level of detail if it exists, else full); null if none. */
    CardLook lookOf(String id) {
        NodeEntry e = model.entry(id);
        if (e == null) {
            return null;
        }
        NodeView v = views.nodeViews().get(id);
        return lookOf(e, v != null && v.built() ? v.shownDetail() : CardLook.Detail.FULL);
    }

    /** Shows every card through {@code filter} (the export drops selection and hover); identity to end it. */
    void setLookFilter(UnaryOperator<CardLook> filter) {
        lookFilter = filter;
        views.refreshLooks();
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

    Messages messages() {
        return messages;
    }

    CanvasModel model() {
        return model;
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

    GridLayer grid() {
        return grid;
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

    /** The id of the node whose card holds {@code picked} (e.g. the target of a drop), or null. */
    public String nodeIdAt(Node picked) {
        NodeView card = CanvasMouse.ancestor(picked, NodeView.class);
        return card == null ? null : card.nodeId();
    }

    /** The cards that exist right now (those near the visible area), by node id. */
    Map<String, NodeView> views() {
        flush();
        return views.nodeViews();
    }

    /** The card of a node if it exists (it is near the visible area), else null. */
    NodeView view(String id) {
        flush();
        return views.nodeViews().get(id);
    }

    CanvasMouse mouse() {
        return mouse;
    }

    ObjectProperty<Wire> selectedWire() {
        return selectedWire;
    }

    /** The wires near the visible area (those drawn) with their curves, by wire. */
    Map<Wire, WireCurve> wires() {
        flush();
        return views.wires().curves();
    }

    WireLayer wireLayer() {
        return views.wires();
    }

    /** The wire within reach of the pointer at a scene point, unless a card covers the point; else null. */
    Wire wireAt(double sceneX, double sceneY) {
        Point2D p = toWorld(sceneX, sceneY);
        return model.cardAt(p) != null ? null : views.wires().wireAt(p.getX(), p.getY());
    }

    /** Highlights the wire under the pointer (null for none). */
    void setHoveredWire(Wire w) {
        views.setWireHovered(w);
    }

    /** The id of the topmost card under a scene point, or null. */
    String cardAt(double sceneX, double sceneY) {
        NodeEntry e = model.cardAt(toWorld(sceneX, sceneY));
        return e == null ? null : e.id;
    }

    /** Marks the card under the pointer ({@code :hovered}; null for none). */
    void setHoveredCard(String id) {
        if (!java.util.Objects.equals(id, hoveredCard)) {
            String before = hoveredCard;
            hoveredCard = id;
            if (before != null) {
                views.refreshLook(before);
            }
            if (id != null) {
                views.refreshLook(id);
            }
        }
    }

    boolean selected(String id) {
        return selectionPreview != null ? selectionPreview.contains(id) : doc.selectedNodes().contains(id);
    }

    Point2D toWorld(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return panZoom.toWorld(local.getX(), local.getY());
    }

    /** Shows a selection that is not committed yet (rubber band): only the look, not the document. */
    void previewSelection(Set<String> ids) {
        selectionPreview = ids;
        views.refreshLooks();
    }

    void restoreSelectionLook() {
        selectionPreview = null;
        views.refreshLooks();
    }

    /** Shows the nodes moved by (dx, dy) without changing the flow (a drag in progress). */
    void previewMove(Collection<String> ids, double dx, double dy) {
        for (String id : ids) {
            NodeEntry e = model.entry(id);
            if (e != null) {
                e.previewDx = dx;
                e.previewDy = dy;
            }
        }
        views.markDirty();
        requestLayout();
    }

    void clearPreviewMove() {
        for (NodeEntry e : model.entries()) {
            e.previewDx = 0;
            e.previewDy = 0;
        }
        views.markDirty();
        requestLayout();
    }

    void centreOn(double worldX, double worldY) {
        panZoom.panTo(getWidth() / 2 - worldX * panZoom.zoom(), getHeight() / 2 - worldY * panZoom.zoom());
    }

    /** The world rectangle holding every card, or {@code null} for an empty flow. */
    Bounds flowBounds() {
        if (getScene() != null) {
            applyCss();
        }
        if (getScene() != null && getScene().getWindow() != null) {
            // Whole device pixels on a HiDPI screen are half view units: the pan and the cards round to those.
            panZoom.setPixelScale(getScene().getWindow().getRenderScaleX());
        }
        if (measurer.refreshFonts()) {
            model.invalidateGeometry();
        }
        return model.bounds();
    }

    /** Brings the cards, wires, grid and minimap up to date now (normally done once per frame). */
    void flush() {
        if (getScene() != null && (isNeedsLayout() || views.dirty())) {
            applyCss();
            requestLayout();
            layout();
        }
    }

    /** Whether cards are still being built over the next frames (a budget cut them short). */
    boolean building() {
        return views.dirty();
    }

    /** Builds every card in full detail (for export) or goes back to only those near the view. */
    void setShowEverything(boolean all) {
        views.setShowEverything(all);
        requestLayout();
        flush();
    }

    // ---- reconciling with the flow ----

    private void reconcile(DocumentState state) {
        Flow flow = state.flow();
        model.reconcile(state, messages);
        CallPath kept = callPath.within(flow.wires());
        if (kept != callPath) {
            // a wire the call took was removed: its ports and its output's pill go with it
            Set<String> touched = callPath.nodes();
            callPath = kept;
            views.wires().setLit(kept.wires());
            touched.forEach(views::refreshLook);
        }
        Wire sel = selectedWire.get();
        if (sel != null && !flow.wires().contains(sel)) {
            selectedWire.set(null);
        }
        Wire hovered = views.wires().hovered();
        if (hovered != null && !flow.wires().contains(hovered)) {
            views.setWireHovered(null);
        }
        views.markDirty();
        minimapDirty = true;
        requestLayout();
    }

    /**
     * A zoom step. Steps of the view's own zoom (buttons, keys, setting the zoom) re-lay the cards out at once. A
     * second step around the pointer (Ctrl + scroll, pinch) within {@link #ZOOM_SETTLE} of the one before makes a
     * gesture: the cards scale their cached bitmaps and keep their level of detail (except that full cards turn
     * simple below {@link #LOD_ZOOM}), nothing is dropped and cards coming into view are built in their simple form,
     * so each frame is cheap; {@link #ZOOM_SETTLE} after the last step the cards are painted sharp and brought to the
     * form the zoom asks for, once.
     */
    private void zooming(boolean aroundPointer) {
        long now = System.nanoTime();
        if (aroundPointer && now - lastZoomStep < ZOOM_SETTLE.toMillis() * 1_000_000L) {
            views.setZooming(true);
        }
        lastZoomStep = aroundPointer ? now : Long.MIN_VALUE / 2;
        views.setCacheHint(CacheHint.SPEED);
        zoomSettle.playFromStart();
    }

    private void zoomSettled() {
        views.setCacheHint(CacheHint.DEFAULT);
        if (views.zooming()) {
            views.setZooming(false);
            requestLayout();
        }
    }

    /** Whether a zoom gesture is in progress (cards keep their form until it ends). */
    boolean zoomGestureActive() {
        return views.zooming();
    }

    /** Repaints the minimap's view frame now if it was not repainted recently, else soon (a trailing repaint). */
    private void minimapFrameChanged() {
        if (System.nanoTime() - lastMinimapFrame >= MINIMAP_FRAME_NANOS) {
            minimapFrameLater.stop();
            drawMinimapFrame();
        } else if (minimapFrameLater.getStatus() != Animation.Status.RUNNING) {
            minimapFrameLater.playFromStart();
        }
    }

    private void drawMinimapFrame() {
        lastMinimapFrame = System.nanoTime();
        minimap.drawFrame(panZoom.visibleWorld());
    }

    private void viewportChanged() {
        viewportDirty = true;
        requestLayout();
    }

    private void themeChanged() {
        if (simpleLooks != null) {
            // Far-out cards are painted from these colours in code: make their looks again and re-show them.
            simpleLooks.themeChanged();
            views.markDirty();
        }
        viewportDirty = true;
        minimapDirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w != panZoom.viewWidth() || h != panZoom.viewHeight()) {
            panZoom.setViewSize(w, h);
            viewportDirty = true;
        }
        overlay.resize(w, h);
        layoutFloating(hint, 16, h - 14 - hint.prefHeight(-1));
        layoutFloating(minimap, w - 16 - Minimap.WIDTH, h - 16 - Minimap.HEIGHT);
        double zw = zoomControls.prefWidth(-1);
        for (Region banner : banners) {
            layoutFloating(banner, Math.round((w - banner.prefWidth(-1)) / 2), 14);
        }
        layoutFloating(zoomControls, w - 16 - Minimap.WIDTH - 8 - zw, h - 16 - zoomControls.prefHeight(zw));

        if (measurer.refreshFonts()) {
            model.invalidateGeometry();
            views.markDirty();
        }
        views.sync(panZoom.visibleWorld(), panZoom.zoom());
        if (viewportDirty) {
            viewportDirty = false;
            grid.draw(panZoom.zoom(), panZoom.panX(), panZoom.panY(), w, h, colors.get(CanvasColors.Key.DOT));
            minimapFrameChanged();
        }
        if (minimapDirty) {
            minimapDirty = false;
            drawMinimap();
        }
    }

    private static void layoutFloating(Region r, double x, double y) {
        double w = r.prefWidth(-1);
        r.resizeRelocate(Math.round(x), Math.round(y), w, r.prefHeight(w));
    }

    private void drawMinimap() {
        List<Minimap.Item> items = new ArrayList<>(model.ids().size());
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeEntry e : model.entries()) {
            // Unmeasured cards get a typical size: the minimap is too small to show the difference.
            double cw = e.geometry == null ? 160 : e.geometry.width();
            double ch = e.geometry == null ? 60 : e.geometry.height();
            CanvasColors.Key c = lookOf(e, CardLook.Detail.SIMPLE)
                    .minimapColour(e.type == null ? null : e.type.category());
            items.add(new Minimap.Item(e.x(), e.y(), cw, ch, c));
            minX = Math.min(minX, e.x());
            minY = Math.min(minY, e.y());
            maxX = Math.max(maxX, e.x() + cw);
            maxY = Math.max(maxY, e.y() + ch);
        }
        Bounds world = items.isEmpty() ? null
                : new BoundingBox(minX - 40, minY - 40, maxX - minX + 80, maxY - minY + 80);
        minimap.drawNodes(items, world);
        drawMinimapFrame();
    }

    /** Deletes the given nodes (one step) — used by delete and cut. */
    void deleteNodes(Collection<String> ids, String label) {
        List<String> list = List.copyOf(ids);
        doc.apply(label, f -> f.withoutNodes(list));
    }
}
