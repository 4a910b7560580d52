package org.switchboard.app.canvas;

import java.util.List;
import java.util.TreeSet;

import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The canvas's keyboard: Delete/Backspace delete the selection, Escape cancels a gesture or clears the selection,
 * Ctrl+A selects all, Ctrl+C/X/V/D copy, cut, paste and duplicate, arrow keys move the selection by one grid step
 * (five with Shift; a run of arrow presses is one undo step), Space held turns dragging into panning. Handled keys
 * are consumed, so a menu accelerator for the same key does not fire twice.
 */
final class CanvasKeys {

    private static final int BIG_STEP = 5;

    private final FlowCanvas canvas;
    private final CanvasMouse mouse;
    private final CanvasClipboard clipboard;

    CanvasKeys(FlowCanvas canvas, CanvasMouse mouse, CanvasClipboard clipboard) {
        this.canvas = canvas;
        this.mouse = mouse;
        this.clipboard = clipboard;
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
        boolean shortcut = e.isShortcutDown();
        KeyCode code = e.getCode();
        if (shortcut) {
            switch (code) {
                case A -> canvas.selectAll();
                case C -> clipboard.copy();
                case X -> clipboard.cut();
                case V -> clipboard.paste();
                case D -> clipboard.duplicate();
                default -> {
                    return;
                }
            }
            e.consume();
            return;
        }
        switch (code) {
            case DELETE, BACK_SPACE -> canvas.deleteSelection();
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
