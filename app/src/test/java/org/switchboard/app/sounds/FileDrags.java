package org.switchboard.app.sounds;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.PickResult;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;

/**
 * Drops a file onto a node the way the system's drag-and-drop delivers it from a file manager: DRAG_OVER, and when a
 * handler accepts it, DRAG_DROPPED, each at the node's centre and picked on the node. The headless test platform has
 * no system drag-and-drop, so the events are fired directly; the handlers under test are the production ones.
 */
public final class FileDrags {

    private FileDrags() {
    }

    /** Whether the node accepted the drag (DRAG_OVER); if so it was dropped too. Call on the FX thread. */
    public static boolean drop(Node target, Path file) {
        Dragboard board = board(file);
        Bounds b = target.localToScene(target.getBoundsInLocal());
        Point2D c = new Point2D(b.getCenterX(), b.getCenterY());
        Point2D screen = target.localToScreen(target.getBoundsInLocal().getCenterX(),
                target.getBoundsInLocal().getCenterY());
        PickResult pick = new PickResult(target, c.getX(), c.getY());
        DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, c.getX(), c.getY(), screen.getX(), screen.getY(),
                TransferMode.COPY, null, target, pick);
        Event.fireEvent(target, over);
        if (!over.isAccepted()) {
            return false;
        }
        DragEvent dropped = new DragEvent(DragEvent.DRAG_DROPPED, board, c.getX(), c.getY(), screen.getX(),
                screen.getY(), TransferMode.COPY, null, target, pick);
        Event.fireEvent(target, dropped);
        return dropped.isDropCompleted();
    }

    private static Dragboard board(Path file) {
        try {
            Class.forName(Dragboard.class.getName(), true, Dragboard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        Map<DataFormat, Object> content = new HashMap<>();
        content.put(DataFormat.FILES, List.of(file.toFile()));
        return DragboardHelper.createDragboard(new TKClipboard() {
            @Override
            public void setSecurityContext(java.security.AccessControlContext ctx) {
            }

            @Override
            public Set<DataFormat> getContentTypes() {
                return content.keySet();
            }

            @Override
            @SafeVarargs
            public final boolean putContent(Pair<DataFormat, Object>... pairs) {
                return false;
            }

            @Override
            public Object getContent(DataFormat f) {
                return content.get(f);
            }

            @Override
            public boolean hasContent(DataFormat f) {
                return content.containsKey(f);
            }

            @Override
            public Set<TransferMode> getTransferModes() {
                return Set.of(TransferMode.COPY);
            }

            @Override
            public void setDragView(Image image) {
            }

            @Override
            public void setDragViewOffsetX(double x) {
            }

            @Override
            public void setDragViewOffsetY(double y) {
            }

            @Override
            public Image getDragView() {
                return null;
            }

            @Override
            public double getDragViewOffsetX() {
                return 0;
            }

            @Override
            public double getDragViewOffsetY() {
                return 0;
            }
        });
    }
}
