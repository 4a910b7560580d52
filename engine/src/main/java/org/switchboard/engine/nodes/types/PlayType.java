package org.switchboard.engine.nodes.types;

import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.sipgate.xml.Play;

/**
 * Play: plays a WAV file to the caller. Its output "next" is what follows in the same answer: a Dial, Hang up or
 * Reject there is sent right after the Play (a verb sequence sipgate does not document; see docs/sipgate.md).
 */
public final class PlayType implements NodeType {

    public static final String ID = "play";
    public static final String URL = "url";
    public static final String NEXT = "next";

    private static final List<PropertySpec> PROPERTIES = List.of(PropertySpec.sound(URL, true));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Category category() {
        return Category.CALL_CONTROL;
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    @Override
    public List<OutputPort> outputs(FlowNode node, Messages m) {
        return List.of(new OutputPort(NEXT, m.get("port.next")));
    }

    @Override
    public String continuesAnswerAt() {
        return NEXT;
    }

    @Override
    public String summary(FlowNode node, Messages m) {
        String sound = Sounds.summary(node, URL);
        return sound == null ? m.get("summary.play.none") : m.get("summary.play", sound);
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        String url = Sounds.url(node, URL, call);
        if (url == null) {
            call.note(node, "no sound set or available; nothing played");
            return new Outcome.Route(NEXT);
        }
        return new Outcome.Render(List.of(Play.of(url)), NEXT);
    }
}
