package org.switchboard.engine.nodes.checks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.PropertyKinds;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * Sound addresses sipgate cannot download: placeholder hosts reserved for examples ({@code example.com},
 * {@code *.example}, {@code *.test}, {@code *.invalid}) and this machine ({@code localhost}, loopback addresses).
 */
final class SoundHostCheck implements FlowCheck {

    @Override
    public void check(Flow flow, NodeTypes types, Messages m, List<Problem> problems) {
        FlowCheck.eachNode(flow, types, (node, type) -> {
            for (PropertySpec spec : type.properties()) {
                if (spec.kind() != PropertyKinds.SOUND_URL || !PropertyChecks.applies(spec, node)) {
                    continue;
                }
                String host = host(Values.asText(node.property(spec.key())));
                if (host != null && unreachable(host)) {
                    problems.add(Problem.warning(node.id(), spec.key(), m.get("problem.sound.placeholderHost",
                            PropertyChecks.label(type, spec, m), host)));
                }
            }
        });
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = new URI(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static boolean unreachable(String host) {
        for (String reserved : List.of("example.com", "example.org", "example.net")) {
            if (host.equals(reserved) || host.endsWith("." + reserved)) {
                return true;
            }
        }
        return host.endsWith(".example") || host.endsWith(".test") || host.endsWith(".invalid")
                || host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("0.0.0.0");
    }
}
