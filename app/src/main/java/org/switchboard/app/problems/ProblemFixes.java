package org.switchboard.app.problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.UnaryOperator;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.NumberFixes;
import org.switchboard.engine.nodes.PhoneNumbers;
import org.switchboard.engine.nodes.PropertyKinds;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * One-click fixes for the problems whose fix is mechanical, offered on their Problems row:
 * <ul>
 *   <li>a national number ("044 668 18 00") in a phone number, a phone list or a Switch rule on a number field gets
 *       the home country's code from the settings: "+41 44 668 18 00" for Switzerland ({@link NumberFixes}; without
 *       a home country there is no such fix);</li>
 *   <li>a sound address whose file name has no ending at all gets {@code .wav} (one with another ending, such as
 *       {@code .mp3}, is a different file: that is for the user to change).</li>
 * </ul>
 * Each fix is a pure {@code Flow -> Flow} edit of the problem's node property (one undo step).
 */
public final class ProblemFixes {

    /** A fix: the button's text and the edit. */
    public record Fix(String label, UnaryOperator<Flow> edit) {
    }

    private ProblemFixes() {
    }

    /**
     * The fix for the problem, or null when there is no mechanical one.
     *
     * @param homeCountry the settings' home country ({@code DE}, {@code CH}, ...), or null when not set
     */
    public static Fix fixFor(Problem problem, Flow flow, NodeTypes types, String homeCountry) {
        if (NumberFixes.canFix(flow, problem, homeCountry)) {
            return new Fix(AppTexts.get("problems.fix.countryCode", PhoneNumbers.countryCode(homeCountry)),
                    f -> NumberFixes.addCountryCode(f, problem.nodeId(), problem.property(), homeCountry));
        }
        FlowNode node = problem.nodeId() == null ? null : flow.nodeOrNull(problem.nodeId());
        NodeType type = node == null ? null : types.get(node.type());
        PropertySpec spec = type == null || problem.property() == null ? null : type.property(problem.property());
        if (spec == null || spec.kind() != PropertyKinds.SOUND_URL || node.property(spec.key()) == null) {
            return null;
        }
        String url = Values.asText(node.property(spec.key()));
        String fixed = withWav(url);
        if (fixed.equals(url)) {
            return null;
        }
        return new Fix(AppTexts.get("problems.fix.wav"),
                f -> f.updateNode(node.id(), n -> n.withProperty(spec.key(), fixed)));
    }

    /** "https://example.com/sorry" becomes "https://example.com/sorry.wav"; addresses with an ending stay. */
    static String withWav(String url) {
        try {
            URI uri = new URI(url.trim());
            String path = uri.getPath();
            if (uri.getHost() == null || path == null || path.isEmpty() || path.endsWith("/")) {
                return url;
            }
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (file.contains(".")) {
                return url;
            }
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), uri.getPort(), path + ".wav",
                    uri.getQuery(), uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
