package org.switchboard.engine.nodes.types;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Verb;

/** Helpers for sound properties: the URL sipgate gets, and the optional sounds Dial, Reject and Hang up play first. */
final class Sounds {

    private Sounds() {
    }

    /** The absolute URL of the node's sound for this call, or {@code null} when none is set or available. */
    static String url(FlowNode node, String key, CallContext call) {
        return call.soundUrl(node.property(key));
    }

    /** The optional sound as a Play verb followed by the main verb. */
    static List<Verb> withOptionalSound(FlowNode node, String key, Verb main, CallContext call) {
        List<Verb> verbs = new ArrayList<>(2);
        String url = url(node, key, call);
        if (url != null) {
            verbs.add(Play.of(url));
        } else if (!SoundRef.of(node.property(key)).isEmpty()) {
            call.note(node, "its sound is not available; the call goes on without it");
        }
        verbs.add(main);
        return verbs;
    }

    /** A short text for the node's summary, or {@code null} when no sound is set. */
    static String summary(FlowNode node, String key) {
        SoundRef sound = SoundRef.of(node.property(key));
        return sound.isEmpty() ? null : sound.shortText();
    }
}
