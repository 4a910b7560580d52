package org.switchboard.app.canvas;

import javafx.scene.input.MouseEvent;

/**
 * One pointer gesture on the canvas, from press to release: it previews on the views while the pointer moves and
 * commits at most one edit when it ends. {@link #cancel} undoes the preview (Escape, focus lost).
 */
interface Gesture {

    void drag(MouseEvent e);

    void release(MouseEvent e);

    default void cancel() {
    }
}
