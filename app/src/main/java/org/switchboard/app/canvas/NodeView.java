package org.switchboard.app.canvas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Duration;

import org.switchboard.app.icons.NodeIcons;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.nodes.Category;

/**
 * The card of one flow node (see the design's "node card anatomy"): a header with the category tile, the title
 * and the type tag, a one-line summary, labelled output rows for nodes with several outputs, and a warning footer
 * and badge when the node has problems; ports sit on the card edges. Everything is placed from a precomputed
 * {@link CardGeometry}, with plain {@link Text} nodes instead of controls, so a thousand cards stay light. When
 * zoomed far out the card is drawn in a simpler form ({@code :lod}) without texts and ports. The view only shows
 * a node; {@link FlowCanvas} rebuilds it from the flow and never edits it. Its states come as one {@link CardLook}.
 * A full card's looks and states are CSS: style class {@code node-view}, {@code cat-<category>} or {@code unknown},
 * pseudo-classes {@code :selected}, {@code :hovered}, {@code :warning} (with {@code :error}), {@code :live}, {@code
 * :covered}; the CSS id
 * is {@code node-<id>}. A simple card has no style class (it needs no CSS pass) and takes its background from
 * {@link SimpleCardLooks}; it keeps the pseudo-classes.
 */
final class NodeView extends Region {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass HOVERED = PseudoClass.getPseudoClass("hovered");
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    /** With {@link #WARNING}: one of the problems is an error (red instead of amber). */
    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    static final PseudoClass COVERED = PseudoClass.getPseudoClass("covered");
    static final PseudoClass LOD = PseudoClass.getPseudoClass("lod");
    /** No test call enters this node. */
    static final PseudoClass UNTESTED = PseudoClass.getPseudoClass("untested");

    /** The room left and right of an output label inside its path pill. */
    private static final double PILL_PAD_X = 6;

    /** Port centres in the header row sit this far below the card's outer top. */
    static final double PORT_Y = CardGeometry.PORT_Y;

    private final String nodeId;
    private final SimpleCardLooks simpleLooks;
    private Category category;
    private CardLook look;
    private final Map<String, PortView> outputs = new LinkedHashMap<>();
    /** The labels of the output rows by port, and the pills behind those a call took. */
    private final Map<String, Text> outputLabels = new LinkedHashMap<>();
    private final Map<String, Region> pathPills = new LinkedHashMap<>();
    /** The type tag at the right of the header, and the pill that says what a call is doing here, over it. */
    private Text typeTag;
    private Region statePill;
    private String shownState;
    /** Where each output label's pill goes: x, y, width, height (from the measured label). */
    private final Map<String, double[]> pillBoxes = new LinkedHashMap<>();
    private PortView input;
    private CardGeometry geometry;
    private int shownVersion = -1;
    private boolean shownLod;
    private String categoryClass;
    private int shownInPass = -1;
    /** The view transform the card's offset was last rounded for (see {@link #snapToPixels}). */
    private double snappedZoom = Double.NaN;
    private double snappedScale;

    NodeView(String nodeId, SimpleCardLooks simpleLooks) {
        this.nodeId = nodeId;
        this.simpleLooks = simpleLooks;
    }

    String nodeId() {
        return nodeId;
    }

    /** Whether the card must be rebuilt to show the entry (its content or the level of detail changed). */
    boolean needsRebuild(NodeEntry e, CardGeometry g, CardLook.Detail detail) {
        return e.version != shownVersion || g != geometry || (detail == CardLook.Detail.SIMPLE) != shownLod;
    }

    /** Whether the card was last built in its simple, far-out form. */
    boolean shownLod() {
        return shownLod;
    }

    /** The form the card was last built in. */
    CardLook.Detail shownDetail() {
        return shownLod ? CardLook.Detail.SIMPLE : CardLook.Detail.FULL;
    }

    /** The look last shown. */
    CardLook look() {
        return look;
    }

    /** Whether the card was ever built. */
    boolean built() {
        return geometry != null;
    }

    /**
     * Shows the entry's current state in the given look; rebuilds the card (in the look's level of detail) only when
     * needed and {@code mayRebuild} allows it, else it keeps its form for now.
     */
    void show(NodeEntry e, CardGeometry g, CardMeasurer m, CardLook look, boolean mayRebuild) {
        if (mayRebuild && needsRebuild(e, g, look.detail())) {
            shownVersion = e.version;
            shownLod = look.simple();
            geometry = g;
            rebuild(e, g, m, shownLod);
        }
        setConnections(e.inputConnected, e.connectedOutputs);
        // For a simple card this also takes its background anew (after a theme change the looks are new objects).
        setLook(look);
        if (getLayoutX() != e.x() || getLayoutY() != e.y()) {
            relocate(e.x(), e.y());
            snappedZoom = Double.NaN;
        }
    }

    private void rebuild(NodeEntry e, CardGeometry g, CardMeasurer m, boolean lod) {
        getChildren().clear();
        outputs.clear();
        outputLabels.clear();
        pathPills.clear();
        pillBoxes.clear();
        typeTag = null;
        statePill = null;
        shownState = null;
        input = null;
        category = e.type == null ? null : e.type.category();
        String catClass = lod ? null : e.type == null ? "unknown" : "cat-" + e.type.category().key();
        if (!Objects.equals(catClass, categoryClass)) {
            if (catClass == null) {
                getStyleClass().clear();
            } else {
                // The CSS background replaces the simple one in the next CSS pass (author styles win over code).
                getStyleClass().setAll("node-view", catClass);
            }
            categoryClass = catClass;
        }
        pseudoClassStateChanged(LOD, lod);
        // JavaFX caches CSS matching per (type, id, style classes); a unique id means matching every card anew.
        // Far-out cards come by the hundred and need no id, detailed ones keep theirs for lookups and tests.
        setId(lod ? null : "node-" + nodeId);
        resize(g.width(), g.height());
        // Far out a card is one region (outline and a stripe in the category colour) and cheap enough to draw
        // directly; a full card is cached as a bitmap.
        setCache(!lod);
        if (lod) {
            return;
        }
        double x0 = CardGeometry.contentX();
        double tileY = CardGeometry.BORDER + CardGeometry.PAD_TOP;
        add(box("node-tile", x0, tileY, CardGeometry.TILE, CardGeometry.TILE));
        Node icon = NodeIcons.glyph(e.type == null ? "unknown" : e.type.id(), CardGeometry.ICON);
        double iconInset = (CardGeometry.TILE - CardGeometry.ICON) / 2;
        icon.setLayoutX(x0 + iconInset);
        icon.setLayoutY(tileY + iconInset);
        add(icon);

        double headerMid = tileY + CardGeometry.HEADER / 2;
        double titleX = x0 + CardGeometry.TILE + CardGeometry.TITLE_GAP;
        add(text("node-title", g.title(), titleX, headerMid - m.lineHeight(CardMeasurer.Role.TITLE) / 2));
        if (g.typeTag() != null) {
            double w = m.width(CardMeasurer.Role.TYPE, g.typeTag());
            typeTag = text("node-type", g.typeTag(), g.width() - x0 - w,
                    headerMid - m.lineHeight(CardMeasurer.Role.TYPE) / 2);
            add(typeTag);
        }
        if (g.summary() != null) {
            add(text("node-summary", g.summary(), x0, g.summaryY()
                    + (CardGeometry.SUMMARY_LINE - m.lineHeight(CardMeasurer.Role.SUMMARY)) / 2));
        }
        if (!g.rows().isEmpty()) {
            add(box("node-divider", CardGeometry.BORDER, g.dividerY(), g.width() - 2 * CardGeometry.BORDER, 1));
            double lh = m.lineHeight(CardMeasurer.Role.OUTPUT);
            for (CardGeometry.Row r : g.rows()) {
                double w = m.width(CardMeasurer.Role.OUTPUT, r.label());
                Text label = text("node-output-label", r.label(), g.width() - CardGeometry.ROW_LABEL_RIGHT - w,
                        r.y() - lh / 2);
                outputLabels.put(r.portId(), label);
                pillBoxes.put(r.portId(), new double[] {label.getLayoutX() - PILL_PAD_X, r.y() - lh / 2 - 1,
                        w + 2 * PILL_PAD_X, lh + 2});
                add(label);
                addOutputPort(r.portId(), g.width(), r.y());
            }
        }
        if (g.headerPort() != null) {
            addOutputPort(g.headerPort(), g.width(), PORT_Y);
        }
        if (g.input()) {
            input = new PortView(nodeId, null);
            input.centreAt(0, PORT_Y);
            add(input);
        }
        if (g.footer() != null) {
            addWarning(e, g, m);
        }
    }

    private void addWarning(NodeEntry e, CardGeometry g, CardMeasurer m) {
        String problems = e.problems.stream().map(Problem::message).collect(Collectors.joining("\n"));
        Region footer = box("node-footer", CardGeometry.BORDER, g.footerY(), g.width() - 2 * CardGeometry.BORDER,
                CardGeometry.FOOTER);
        footer.setMouseTransparent(false);
        add(footer);
        double x0 = CardGeometry.contentX();
        double mid = g.footerY() + 1 + (CardGeometry.FOOTER - 1) / 2;
        Node icon = NodeIcons.uiGlyph("warn", CardGeometry.FOOTER_ICON);
        icon.getStyleClass().add("node-footer-icon");
        icon.setLayoutX(x0);
        icon.setLayoutY(mid - CardGeometry.FOOTER_ICON / 2);
        add(icon);
        add(text("node-footer-text", g.footer(), x0 + CardGeometry.FOOTER_ICON + CardGeometry.FOOTER_GAP,
                mid - m.lineHeight(CardMeasurer.Role.FOOTER) / 2));

        Region badge = box("node-badge", g.width() - 11, -9, 20, 20);
        badge.setMouseTransparent(false);
        add(badge);
        LazyTooltip.install(() -> {
            Tooltip tip = new Tooltip(problems);
            tip.setShowDelay(Duration.millis(250));
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            return tip;
        }, footer, badge);
        Node excl = NodeIcons.uiGlyph("excl", 12);
        excl.getStyleClass().add("node-badge-icon");
        excl.setLayoutX(g.width() - 11 + 4);
        excl.setLayoutY(-9 + 4);
        add(excl);
    }

    private void add(Node n) {
        getChildren().add(n);
    }

    private static Region box(String styleClass, double x, double y, double w, double h) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setMouseTransparent(true);
        r.resizeRelocate(x, y, w, h);
        return r;
    }

    private static Text text(String styleClass, String s, double x, double y) {
        Text t = new Text(s);
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.TOP);
        t.setLayoutX(Math.round(x));
        t.setLayoutY(Math.round(y));
        t.setMouseTransparent(true);
        return t;
    }

    private void addOutputPort(String portId, double x, double y) {
        PortView p = new PortView(nodeId, portId);
        p.centreAt(x, y);
        outputs.put(portId, p);
        add(p);
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
        if (s.startsWith("sipgate")) {
            return s; // the brand is written in lower case, also at the start of a sentence
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Shifts the card by less than half a device pixel so that it starts on a whole pixel of the screen at this
     * zoom (with {@code pixelScale} device pixels per view unit). {@link PanZoom} keeps the pan on whole pixels, so
     * the pan does not matter. The renderer then copies the card's cached bitmap instead of resampling it: several
     * times cheaper in software, and sharp. Ports move with the card; wires keep their exact ends, which are then
     * off by at most half a pixel.
     */
    void snapToPixels(double zoom, double pixelScale) {
        if (zoom == snappedZoom && pixelScale == snappedScale) {
            return;
        }
        snappedZoom = zoom;
        snappedScale = pixelScale;
        setTranslateX(offsetToPixel(getLayoutX(), zoom, pixelScale));
        setTranslateY(offsetToPixel(getLayoutY(), zoom, pixelScale));
    }

    /** Drops the pixel rounding (for a snapshot at another scale, such as the PNG export). */
    void clearSnap() {
        snappedZoom = Double.NaN;
        setTranslateX(0);
        setTranslateY(0);
    }

    /** The world offset that moves world coordinate {@code w} onto the nearest whole device pixel. */
    static double offsetToPixel(double w, double zoom, double pixelScale) {
        double device = w * zoom * pixelScale;
        return (Math.rint(device) - device) / (pixelScale * zoom);
    }

    void markShown(int pass) {
        shownInPass = pass;
    }

    boolean isShownIn(int pass) {
        return shownInPass == pass;
    }

    /** Fills the ports that wires use. */
    void setConnections(boolean inputConnected, Set<String> connectedOutputs) {
        if (input != null) {
            input.setConnected(inputConnected);
        }
        outputs.forEach((id, p) -> p.setConnected(connectedOutputs.contains(id)));
    }

    /**
     * Shows the look's states (its level of detail is the form the card was built in, see {@link #show}). A simple
     * card's background is painted from them.
     */
    void setLook(CardLook l) {
        look = l;
        pseudoClassStateChanged(SELECTED, l.selected());
        pseudoClassStateChanged(HOVERED, l.hovered());
        pseudoClassStateChanged(WARNING, l.problem());
        pseudoClassStateChanged(ERROR, l.error());
        pseudoClassStateChanged(LIVE, l.live());
        pseudoClassStateChanged(COVERED, l.covered());
        if (shownLod && built()) {
            setBackground(simpleLooks.get(category, l));
        }
    }

    /**
     * Marks the ports at the ends of the wires a call took ({@code :on-path}) and puts the labels of the outputs it
     * took in a live pill ({@code node-output-pill} behind a label with style class {@code on-path}).
     */
    void setPath(boolean inputOnPath, Set<String> outputsOnPath) {
        if (input != null) {
            input.setOnPath(inputOnPath);
        }
        outputs.forEach((id, p) -> p.setOnPath(outputsOnPath.contains(id)));
        pathPills.keySet().removeIf(id -> {
            if (outputsOnPath.contains(id)) {
                return false;
            }
            getChildren().remove(pathPills.get(id));
            outputLabels.get(id).getStyleClass().remove("on-path");
            return true;
        });
        for (String id : outputsOnPath) {
            Text label = outputLabels.get(id);
            if (label == null || pathPills.containsKey(id)) {
                continue;
            }
            double[] b = pillBoxes.get(id);
            Region pill = box("node-output-pill", b[0], b[1], b[2], b[3]);
            getChildren().add(getChildren().indexOf(label), pill);
            label.getStyleClass().add("on-path");
            pathPills.put(id, pill);
        }
    }

    /**
     * Shows what a call is doing at this node in a live pill at the right of the header ("● Ringing"), over the type
     * tag; null takes it away. Only a full card shows it.
     */
    void setCallState(String label, CardMeasurer m) {
        if (java.util.Objects.equals(label, shownState) || geometry == null || shownLod) {
            return;
        }
        shownState = label;
        if (statePill != null) {
            getChildren().remove(statePill);
            statePill = null;
        }
        if (typeTag != null) {
            typeTag.setVisible(label == null);
        }
        if (label == null) {
            return;
        }
        double textWidth = Math.ceil(m.width(CardMeasurer.Role.TYPE, label) * 1.06);
        double w = 7 + 6 + 5 + textWidth + 8;
        double x = geometry.width() - CardGeometry.contentX() - w;
        double y = CardGeometry.BORDER + CardGeometry.PAD_TOP + CardGeometry.HEADER / 2 - 10;
        Region dot = box("node-state-dot", 7, 7, 6, 6);
        Text text = text("node-state-text", label, 7 + 6 + 5, 10 - m.lineHeight(CardMeasurer.Role.TYPE) / 2);
        dot.setManaged(false);
        text.setManaged(false);
        javafx.scene.layout.Pane pill = new javafx.scene.layout.Pane(dot, text);
        pill.getStyleClass().add("node-state");
        pill.setMouseTransparent(true);
        pill.resizeRelocate(Math.round(x), Math.round(y), w, 20);
        statePill = pill;
        add(pill);
    }

    /** Marks the card ({@code :untested}) and these output ports ({@code :untested}) as reached by no test call. */
    void setUntested(boolean node, Set<String> untestedOutputs) {
        pseudoClassStateChanged(UNTESTED, node);
        outputs.forEach((id, p) -> p.setUntested(untestedOutputs.contains(id)));
    }

    boolean hasInput() {
        return input != null;
    }

    PortView inputPort() {
        return input;
    }

    /** The input port's centre in canvas (world) coordinates. */
    Point2D inputPoint() {
        return new Point2D(getLayoutX(), getLayoutY() + PORT_Y);
    }

    /** An output port's centre in canvas (world) coordinates, or {@code null} when the card has no such port. */
    Point2D outputPoint(String portId) {
        if (geometry == null || !geometry.hasOutput(portId)) {
            return null;
        }
        return new Point2D(getLayoutX() + geometry.width(), getLayoutY() + geometry.outputY(portId));
    }

    double width() {
        return geometry == null ? 0 : geometry.width();
    }

    double height() {
        return geometry == null ? 0 : geometry.height();
    }

    @Override
    protected double computePrefWidth(double height) {
        return width();
    }

    @Override
    protected double computePrefHeight(double width) {
        return height();
    }

    @Override
    protected void layoutChildren() {
        // Everything is placed when the card is built, from its geometry.
    }
}
