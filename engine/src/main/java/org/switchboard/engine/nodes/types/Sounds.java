package org.switchboard.engine.nodes.types;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Verb;

/** Helpers for the optional sounds that Dial, Reject and Hang up play first. */
final class Sounds {

    private Sounds() {
    }

    static String url(FlowNode node, String key) {
        String url = node.text(key);
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** The optional sound as a Play verb followed by the main verb. */
    static List<Verb> withOptionalSound(FlowNode node, String key, Verb main) {
        List<Verb> verbs = new ArrayList<>(2);
        String url = url(node, key);
        if (url != null) {
            verbs.add(Play.of(url));
        }
        verbs.add(main);
        return verbs;
    }

    static String shortUrl(String url) {
        int slash = url.lastIndexOf('/');
        return slash >= 0 && slash < url.length() - 1 ? url.substring(slash + 1) : url;
    }
}
