package org.switchboard.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;

import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotException;
import org.testfx.robot.Motion;
import org.testfx.service.query.PointQuery;
import org.testfx.service.query.impl.CallableBoundsPointQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TestFX robot that finds the node to click, move to, drag or drop on <em>on the JavaFX thread</em>.
 *
 * <p>TestFX's own {@code clickOn("#id")} and {@code clickOn(node)} look the node up and measure its bounds on the
 * test's thread. Measuring bounds fills JavaFX's bounds caches, so doing it while the JavaFX thread changes the same
 * part of the scene (a toolbar swapping its buttons when a tunnel opens, a table adding rows) can corrupt a parent's
 * record of its dirty children; the next pulse then fails with an {@code IndexOutOfBoundsException} in
 * {@code Parent.updateCachedBounds} (TestFX issue 813). Here the lookup and the measuring happen on the JavaFX thread,
 * and the robot is handed the screen point measured there.
 */
public class FxThreadRobot extends FxRobot {

    @Override
    public FxRobot clickOn(String query, Motion motion, MouseButton... buttons) {
        return clickOn(pointOn(query), motion, buttons);
    }

    @Override
    public FxRobot clickOn(Node node, Motion motion, MouseButton... buttons) {
        return clickOn(pointOn(node), motion, buttons);
    }

    @Override
    public FxRobot doubleClickOn(String query, Motion motion, MouseButton... buttons) {
        return doubleClickOn(pointOn(query), motion, buttons);
    }

    @Override
    public FxRobot doubleClickOn(Node node, Motion motion, MouseButton... buttons) {
        return doubleClickOn(pointOn(node), motion, buttons);
    }

    @Override
    public FxRobot rightClickOn(String query, Motion motion) {
        return rightClickOn(pointOn(query), motion);
    }

    @Override
    public FxRobot rightClickOn(Node node, Motion motion) {
        return rightClickOn(pointOn(node), motion);
    }

    @Override
    public FxRobot moveTo(String query, Motion motion) {
        return moveTo(pointOn(query), motion);
    }

    @Override
    public FxRobot moveTo(Node node, Pos position, Point2D offset, Motion motion) {
        return moveTo(pointOn(node).atPosition(position).atOffset(offset), motion);
    }

    @Override
    public FxRobot drag(String query, MouseButton... buttons) {
        return drag(pointOn(query), buttons);
    }

    @Override
    public FxRobot drag(Node node, MouseButton... buttons) {
        return drag(pointOn(node), buttons);
    }

    @Override
    public FxRobot dropTo(String query) {
        return dropTo(pointOn(query));
    }

    @Override
    public FxRobot dropTo(Node node) {
        return dropTo(pointOn(node));
    }

    /**
     * The centre of the shown part of the first visible node {@code query} finds. Like TestFX's own point, it is
     * measured again when asked again (the robot asks once more at the end of a move, in case the node moved).
     */
    private PointQuery pointOn(String query) {
        Node node = onFxThread(() -> lookup(query).queryAll().stream().filter(FxThreadRobot::shown).findFirst()
                .orElseThrow(() -> new FxRobotException("the query \"" + query + "\" returned no visible node")));
        return pointOn(node);
    }

    /** Also makes the node's window the one typing goes to, as TestFX does when it clicks a node. */
    private PointQuery pointOn(Node node) {
        onFxThread(() -> node.getScene() == null ? null : targetWindow(node.getScene().getWindow()));
        return new CallableBoundsPointQuery(() -> onFxThread(() -> shownBounds(node))).atPosition(Pos.CENTER);
    }

    /** The part of {@code node} that its window shows, in screen coordinates (TestFX clicks within it too). */
    private static Bounds shownBounds(Node node) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        Scene scene = node.getScene();
        if (b == null || scene == null || scene.getWindow() == null) {
            throw new FxRobotException("the node " + node + " is not on the screen");
        }
        double left = Math.max(b.getMinX(), scene.getWindow().getX() + scene.getX());
        double top = Math.max(b.getMinY(), scene.getWindow().getY() + scene.getY());
        double right = Math.min(b.getMaxX(), scene.getWindow().getX() + scene.getX() + scene.getWidth());
        double bottom = Math.min(b.getMaxY(), scene.getWindow().getY() + scene.getY() + scene.getHeight());
        return right < left || bottom < top ? b : new BoundingBox(left, top, right - left, bottom - top);
    }

    /** Whether the node and all its parents are visible in a showing window. */
    private static boolean shown(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static <T> T onFxThread(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer within 10 s", e);
        }
    }
}
