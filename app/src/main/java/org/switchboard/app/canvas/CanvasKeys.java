package org.switchboard.app.canvas;

import java.util.List;
import java.util.TreeSet;

import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Action;
import org.switchboard.app.ui.Actions;

/**
 * The canvas's keyboard. The canvas's {@linkplain #actions() actions} (select all, copy, cut, paste, duplicate,
 * delete, zoom) are defined here once with their keys; the window's menus show the same action objects. Besides
 * them: Escape cancels a gesture or clears the selection, arrow keys move the selection by one grid step (five with
 * Shift; a run of arrow presses is one undo step), Space held turns dragging into panning. Handled keys are
 * consumed, so a menu accelerator for the same key does not fire twice.
 */
final class CanvasKeys {

    private static final int BIG_STEP = 5;

    private final FlowCanvas canvas;
    private final CanvasMouse mouse;
    private final List<Action> actions;

    CanvasKeys(FlowCanvas canvas, CanvasMouse mouse, CanvasClipboard clipboard) {
        this.canvas = canvas;
        this.mouse = mouse;
        this.actions = List.of(
                Action.of("select-all", AppTexts.get("menu.edit.selectAll"), canvas::selectAll)
                        .keys(shortcut(KeyCode.A)),
                Action.of("cut", AppTexts.get("menu.edit.cut"), clipboard::cut).keys(shortcut(KeyCode.X)),
                Action.of("copy", AppTexts.get("menu.edit.copy"), clipboard::copy).keys(shortcut(KeyCode.C)),
                Action.of("paste", AppTexts.get("menu.edit.paste"), clipboard::paste).keys(shortcut(KeyCode.V)),
                Action.of("duplicate", AppTexts.get("menu.edit.duplicate"), clipboard::duplicate)
                        .keys(shortcut(KeyCode.D)),
                Action.of("delete", AppTexts.get("menu.edit.delete"), canvas::deleteSelection)
                        .keys(new KeyCodeCombination(KeyCode.DELETE), new KeyCodeCombination(KeyCode.BACK_SPACE))
                        .local(),
                Action.of("zoom-in", AppTexts.get("menu.view.zoomIn"), canvas::zoomIn).keys(shortcut(KeyCode.PLUS)),
                Action.of("zoom-out", AppTexts.get("menu.view.zoomOut"), canvas::zoomOut)
                        .keys(shortcut(KeyCode.MINUS)),
                Action.of("zoom-fit", AppTexts.get("menu.view.fit"), canvas::zoomToFit).keys(shortcut(KeyCode.DIGIT1)),
                Action.of("zoom-100", AppTexts.get("menu.view.actual"), canvas::resetZoom)
                        .keys(shortcut(KeyCode.DIGIT0)));
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** What the canvas offers to menus, with the keys it handles itself while it has the focus. */
    List<Action> actions() {
        return actions;
    }

    void install() {
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::pressed);
        canvas.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE && !isTextInput(e)) {
                mouse.setSpaceDown(false);
                e.consume();
            }
        });
        canvas.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                mouse.setSpaceDown(false);
            }
        });
    }

    private static boolean isTextInput(KeyEvent e) {
        return e.getTarget() instanceof TextInputControl;
    }

    private void pressed(KeyEvent e) {
        if (isTextInput(e)) {
            return;
        }
        if (Actions.handle(e, actions) || e.isShortcutDown()) {
            return;
        }
        switch (e.getCode()) {
            case ESCAPE -> {
                if (!mouse.cancelGesture()) {
                    canvas.clearSelection();
                }
            }
            case SPACE -> mouse.setSpaceDown(true);
            case LEFT -> nudge(-1, 0, e.isShiftDown());
            case RIGHT -> nudge(1, 0, e.isShiftDown());
            case UP -> nudge(0, -1, e.isShiftDown());
            case DOWN -> nudge(0, 1, e.isShiftDown());
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void nudge(int dx, int dy, boolean big) {
        if (mouse.gestureRunning()) {
            return;
        }
        List<String> ids = List.copyOf(new TreeSet<>(canvas.document().selectedNodes()));
        if (ids.isEmpty()) {
            return;
        }
        double step = GridLayer.STEP * (big ? BIG_STEP : 1);
        // One key = one step, but a run of presses on the same selection coalesces into one undo entry.
        canvas.document().apply(CanvasEdits.moveLabel(ids.size()), "canvas-nudge:" + String.join(",", ids),
                f -> f.moveNodes(ids, dx * step, dy * step));
    }
}
