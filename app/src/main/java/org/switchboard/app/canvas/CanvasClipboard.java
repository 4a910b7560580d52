package org.switchboard.app.canvas;

import java.util.List;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;

/**
 * Copy, cut, paste and duplicate. The system clipboard holds the selected nodes and the wires between them as JSON
 * text in the flow file format ({@link FlowFiles#toJson}), so selections travel between windows and through text
 * editors; a pasted Node-RED export is imported the same way. Pasted nodes get
 * new ids, land 40 px further down and right with each paste of the same text, and become the selection; text that
 * is not a flow pastes nothing.
 */
final class CanvasClipboard {

    static final double OFFSET = 40;

    private final FlowCanvas canvas;
    private String lastPasted;
    private int pasteCount;
    private int baseShift;

    CanvasClipboard(FlowCanvas canvas) {
        this.canvas = canvas;
    }

    private Flow selection() {
        List<String> ids = List.copyOf(canvas.document().selectedNodes());
        return ids.isEmpty() ? null : CanvasEdits.subFlow(canvas.document().flow(), ids);
    }

    void copy() {
        Flow piece = selection();
        if (piece == null) {
            return;
        }
        String json = FlowFiles.toJson(piece);
        ClipboardContent content = new ClipboardContent();
        content.putString(json);
        Clipboard.getSystemClipboard().setContent(content);
        lastPasted = json;
        pasteCount = 0;
    }

    void cut() {
        Flow piece = selection();
        if (piece == null) {
            return;
        }
        copy();
        canvas.deleteNodes(piece.nodes().stream().map(n -> n.id()).toList(),
                CanvasEdits.cutLabel(piece.nodes().size()));
    }

    void paste() {
        Clipboard cb = Clipboard.getSystemClipboard();
        String text = cb.hasString() ? cb.getString() : null;
        Flow piece = parse(text);
        if (piece == null || piece.nodes().isEmpty()) {
            return;
        }
        if (!text.equals(lastPasted)) {
            lastPasted = text;
            pasteCount = 0;
        }
        if (pasteCount == 0) {
            // A cut leaves nothing behind, so its first paste goes back to where the nodes were.
            baseShift = piece.nodes().stream().anyMatch(n -> canvas.document().flow().contains(n.id())) ? 1 : 0;
        }
        insert(piece, OFFSET * (pasteCount + baseShift), CanvasEdits.pasteLabel(piece.nodes().size()));
        pasteCount++;
    }

    /** The flow in clipboard text (Switchboard JSON or a Node-RED export), or null for any other text. */
    private static Flow parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FlowFiles.fromJson(text);
        } catch (FlowFileException e) {
            // Not a flow: pasting it does nothing, as with any other text on the clipboard.
            return null;
        }
    }

    void duplicate() {
        Flow piece = selection();
        if (piece != null) {
            insert(piece, OFFSET, CanvasEdits.duplicateLabel(piece.nodes().size()));
        }
    }

    private void insert(Flow piece, double offset, String label) {
        CanvasEdits.Insertion[] result = new CanvasEdits.Insertion[1];
        canvas.document().apply(label, f -> {
            result[0] = CanvasEdits.insert(f, piece, offset, offset);
            return result[0].flow();
        });
        if (result[0] != null) {
            canvas.selectedWire().set(null);
            canvas.document().select(result[0].newIds());
        }
    }
}
