package org.switchboard.app.canvas;

import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;

/**
 * The contract between the palette and the canvas for dragging a new node onto the flow: the palette starts a
 * JavaFX drag-and-drop carrying the node type id under {@link #FORMAT}; the canvas accepts it and places the node
 * at the drop point (one undo step). {@link #install} wires a palette row up in one call.
 *
 * <p>The canvas also accepts a "full press-drag-release" gesture ({@link #installMouseDrag}) whose source node
 * carries the type id in its properties. That path needs no system drag-and-drop, which the headless Monocle
 * platform used by the UI tests cannot do; {@link #install} switches to it there by itself. Both paths end in
 * {@link FlowCanvas#placeNode(String, javafx.geometry.Point2D)}.
 */
public final class PaletteDrag {

    /** The dragboard format holding a node type id such as {@code dial}. */
    public static final DataFormat FORMAT = new DataFormat("application/x-switchboard-node-type");

    /** The key under which a mouse-drag source keeps its node type id in {@link Node#getProperties()}. */
    public static final String TYPE_PROPERTY = "switchboard.paletteNodeType";

    /** Where the pointer holds the dragged card: in its header, near the left edge. */
    static final double DRAG_OFFSET_X = 24;
    static final double DRAG_OFFSET_Y = 18;

    private PaletteDrag() {
    }

    /**
     * Makes {@code source} start a palette drag of {@code typeId} when the user drags it, so that a
     * {@link FlowCanvas} in any window accepts the drop (system drag-and-drop, COPY mode, the pointer carrying
     * {@code image}, the node's card; on the headless test platform a mouse drag within the scene).
     */
    public static void install(Node source, String typeId, Supplier<Image> image) {
        if (systemDragBroken()) {
            installMouseDrag(source, typeId);
            return;
        }
        source.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            Dragboard db = start(source, typeId);
            Image card = image == null ? null : image.get();
            if (card != null) {
                // the pointer holds the card where a drop places it: in its header, near the left
                db.setDragView(card, DRAG_OFFSET_X, DRAG_OFFSET_Y);
            }
            e.consume();
        });
    }

    /** Makes {@code source} start a press-drag-release gesture a canvas in the same scene accepts. */
    public static void installMouseDrag(Node source, String typeId) {
        source.getProperties().put(TYPE_PROPERTY, typeId);
        source.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            source.startFullDrag();
            e.consume();
        });
    }

    /** Starts the system drag from a DRAG_DETECTED handler of {@code source}. */
    public static Dragboard start(Node source, String typeId) {
        Dragboard db = source.startDragAndDrop(TransferMode.COPY);
        db.setContent(Map.of(FORMAT, typeId));
        return db;
    }

    /** The node type id on a dragboard, or {@code null} when it holds no palette drag. */
    public static String typeId(Dragboard db) {
        Object v = db.hasContent(FORMAT) ? db.getContent(FORMAT) : null;
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    /** The node type id of a mouse drag's source, or {@code null} when it is not a palette drag. */
    static String typeId(MouseDragEvent e) {
        Object src = e.getGestureSource();
        Object v = src instanceof Node n ? n.getProperties().get(TYPE_PROPERTY) : null;
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    /** Monocle (headless tests) fails inside its own drag-and-drop code, so palette drags use mouse drags there. */
    private static boolean systemDragBroken() {
        return "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
    }
}
