package org.switchboard.app.problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.UnaryOperator;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PhoneNumbers;
import org.switchboard.engine.nodes.PropertyKind;
import org.switchboard.engine.nodes.PropertyKinds;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * One-click fixes for the problems whose fix is mechanical, offered on their Problems row:
 * <ul>
 *   <li>a national number ("0151 2345678") gets the country code in place of its leading 0: "+49 151 2345678"
 *       (Germany, sipgate's country, as the problem's own text suggests);</li>
 *   <li>a sound address whose file name has no ending at all gets {@code .wav} (one with another ending, such as
 *       {@code .mp3}, is a different file: that is for the user to change).</li>
 * </ul>
 * Each fix is a pure {@code Flow -> Flow} edit of the problem's node property (one undo step).
 */
public final class ProblemFixes {

    /** A fix: the button's text and the edit. */
    public record Fix(String label, UnaryOperator<Flow> edit) {
    }

    static final String COUNTRY_CODE = "+49";

    private ProblemFixes() {
    }

    /** The fix for the problem, or null when there is no mechanical one. */
    public static Fix fixFor(Problem problem, Flow flow, NodeTypes types) {
        FlowNode node = problem.nodeId() == null ? null : flow.nodeOrNull(problem.nodeId());
        NodeType type = node == null ? null : types.get(node.type());
        PropertySpec spec = type == null || problem.property() == null ? null : type.property(problem.property());
        if (spec == null) {
            return null;
        }
        Object value = node.property(spec.key());
        PropertyKind kind = spec.kind();
        Object fixed = null;
        if (kind == PropertyKinds.PHONE_NUMBER && value != null) {
            fixed = withCountryCode(Values.asText(value));
        } else if (kind == PropertyKinds.PHONE_LIST && value instanceof List<?> list) {
            fixed = list.stream().map(o -> o instanceof String s ? withCountryCode(s) : o).toList();
        } else if (kind == PropertyKinds.SOUND_URL && value != null) {
            fixed = withWav(Values.asText(value));
        }
        if (fixed == null || fixed.equals(value)) {
            return null;
        }
        String label = AppTexts.get(kind == PropertyKinds.SOUND_URL ? "problems.fix.wav"
                : "problems.fix.countryCode", COUNTRY_CODE);
        Object result = fixed;
        return new Fix(label, f -> f.updateNode(node.id(), n -> n.withProperty(spec.key(), result)));
    }

    /** "0151 2345678" becomes "+49 151 2345678"; any other number stays as it is. */
    static String withCountryCode(String number) {
        if (number == null || PhoneNumbers.check(number) != PhoneNumbers.Issue.COUNTRY_CODE_MISSING) {
            return number;
        }
        String trimmed = number.trim();
        if (!trimmed.startsWith("0") || trimmed.startsWith("00")) {
            return number;
        }
        String fixed = COUNTRY_CODE + " " + trimmed.substring(1).trim();
        return PhoneNumbers.check(fixed) == null ? fixed : number;
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
