package org.switchboard.app.sounds;

import java.util.List;

import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import org.switchboard.app.canvas.FlowCanvas;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * One sound file dropped onto a node's card on the canvas becomes that node's main sound
 * ({@link SoundImports#mainSound}): the node is selected, so the inspector shows the conversion's progress and
 * result, and the file is converted into the sounds folder beside the flow. Cards without a sound property, and
 * sounds from a source this version does not know, do not take the drop.
 */
public final class SoundFileDrop {

    private SoundFileDrop() {
    }

    public static void install(FlowCanvas canvas, EditorDocument doc, NodeTypes types, Messages messages) {
        canvas.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (target(canvas, doc, types, e) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        canvas.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            FlowNode node = target(canvas, doc, types, e);
            if (node == null) {
                return;
            }
            NodeType type = types.get(node.type());
            PropertySpec spec = SoundImports.mainSound(type);
            doc.select(List.of(node.id()));
            SoundImports.of(doc).importFile(node.id(), spec, PropertyChecks.label(type, spec, messages),
                    e.getDragboard().getFiles().get(0).toPath(), messages);
            e.setDropCompleted(true);
            e.consume();
        });
    }

    /** The node whose card a single file is over, when it has a sound property that can take a file. */
    private static FlowNode target(FlowCanvas canvas, EditorDocument doc, NodeTypes types, DragEvent e) {
        Dragboard board = e.getDragboard();
        if (!board.hasFiles() || board.getFiles().size() != 1 || !board.getFiles().get(0).isFile()) {
            return null;
        }
        String id = canvas.nodeIdAt(e.getPickResult().getIntersectedNode());
        FlowNode node = id == null ? null : doc.flow().nodeOrNull(id);
        PropertySpec spec = node == null ? null : SoundImports.mainSound(types.get(node.type()));
        if (spec == null || SoundRef.hasUnknownSource(node.property(spec.key()))) {
            return null;
        }
        return node;
    }
}
