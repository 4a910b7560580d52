package org.switchboard.app.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.sounds.Background;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.sounds.FlowSounds;
import org.switchboard.engine.sounds.Speech;

/**
 * Speaks the flow's texts that are not spoken yet before the flow goes live, as {@code run} does: in the background;
 * the spoken sounds then go into the document as one edit (so the saved flow names them) and that flow is served. A
 * text the user changed while it was being spoken keeps the new text (it is spoken at the next Run or Deploy).
 */
final class TextSpeaker {

    private final NodeTypes types;

    TextSpeaker(NodeTypes types) {
        this.types = types;
    }

    /**
     * Hands the flow to serve to {@code serve}: the document's flow at once when no text needs speaking (or there is
     * no folder or no speech engine), else, on the JavaFX thread, the flow with the texts spoken. {@code failed}
     * gets the speech engine's sentence when a text could not be spoken; the flow is served all the same.
     */
    void thenServe(EditorDocument doc, Path folder, Consumer<Flow> serve, Consumer<String> failed) {
        Flow draft = doc.flow();
        Speech speech = folder == null ? null : Speech.find();
        if (!FlowSounds.hasUnspoken(draft, folder, types, speech)) {
            serve.accept(draft);
            return;
        }
        Background.run("run-speak", () -> FlowSounds.speak(draft, folder, types, speech), (spoken, problem) -> {
            if (spoken != null && spoken.spokenCount() > 0) {
                doc.apply(AppTexts.get("edit.speakTexts"), f -> takeSpoken(f, draft, spoken.flow()));
            }
            String failure = problem != null ? problem
                    : spoken != null && !spoken.failures().isEmpty() ? spoken.failures().get(0) : null;
            if (failure != null) {
                failed.accept(failure);
            }
            serve.accept(doc.flow());
        });
    }

    /**
     * The current flow with the spoken sounds of the nodes whose sound property is still what was spoken (texts
     * edited meanwhile are left alone).
     */
    static Flow takeSpoken(Flow now, Flow before, Flow spoken) {
        Flow result = now;
        for (FlowNode node : spoken.nodes()) {
            FlowNode old = before.node(node.id()).orElse(null);
            FlowNode current = now.node(node.id()).orElse(null);
            if (old == null || current == null) {
                continue;
            }
            for (Map.Entry<String, Object> e : node.properties().entrySet()) {
                Object was = old.properties().get(e.getKey());
                if (!Objects.equals(was, e.getValue())
                        && Objects.equals(was, current.properties().get(e.getKey()))
                        && SoundRef.of(e.getValue()).source() == SoundRef.Source.SPEECH) {
                    String key = e.getKey();
                    Object value = e.getValue();
                    result = result.updateNode(node.id(), n -> n.withProperty(key, value));
                }
            }
        }
        return result;
    }
}
