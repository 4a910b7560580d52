package org.switchboard.engine.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Reject;
import org.switchboard.engine.sipgate.xml.Verb;

/**
 * Keeps answers sipgate would reject off the wire. The one rule (described in {@code docs/execution.md}): a node that
 * would answer sipgate but has errors in the validator's eyes, or whose verbs break sipgate's documented limits
 * (a Dial without a number, more than five numbers, more than one on an outgoing call, a sound that is not an http(s)
 * address, a Gather below its minimums), answers a clean {@code <Hangup/>} instead, and the call log says why. The
 * validator's verdict per node is cached: nodes are immutable values, and the same few nodes answer every call.
 */
final class AnswerGuard {

    static final int MAX_DIAL_NUMBERS = 5;
    private static final int MAX_CACHED = 4096;
    private static final String NO_PROBLEM = "";

    private final Map<FlowNode, String> nodeProblems = new ConcurrentHashMap<>();

    /** Why the node cannot answer (its errors, in English, for the log), or {@code null}. */
    String nodeProblem(FlowNode node, NodeType type) {
        String cached = nodeProblems.get(node);
        if (cached == null) {
            cached = type.validate(node, Messages.ENGLISH).stream().filter(Problem::isError).map(Problem::message)
                    .collect(Collectors.joining(" "));
            if (nodeProblems.size() >= MAX_CACHED) {
                nodeProblems.clear();
            }
            nodeProblems.put(node, cached);
        }
        return cached.equals(NO_PROBLEM) ? null : cached;
    }

    /** What is wrong with the verbs by sipgate's documented rules, or {@code null}. */
    static String verbProblem(List<Verb> verbs, boolean outgoing) {
        for (Verb v : verbs) {
            String p = verbProblem(v, outgoing);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String verbProblem(Verb v, boolean outgoing) {
        if (v instanceof Dial d) {
            if (d.isVoicemail()) {
                return d.getNumbers().isEmpty() ? null : "a Dial cannot ring numbers and the voicemail at once";
            }
            int n = d.getNumbers().size();
            if (n == 0) {
                return "Dial has no valid number to ring";
            }
            if (n > MAX_DIAL_NUMBERS) {
                return "Dial has " + n + " numbers; sipgate rings at most " + MAX_DIAL_NUMBERS;
            }
            if (outgoing && n > 1) {
                return "Dial has " + n + " numbers; an outgoing call can go to one number only";
            }
            for (String number : d.getNumbers()) {
                if (!digits(number)) {
                    return "Dial number '" + number + "' is not E.164 digits";
                }
            }
            if (d.getCallerId() != null && !digits(d.getCallerId())) {
                return "caller ID '" + d.getCallerId() + "' is not E.164 digits";
            }
            return null;
        }
        if (v instanceof Play p) {
            return soundUrl(p.getUrl()) ? null : "sound '" + p.getUrl() + "' is not an http(s) address";
        }
        if (v instanceof Gather g) {
            if (g.getMaxDigits() != null && g.getMaxDigits() < 1 || g.getTimeout() != null && g.getTimeout() < 1) {
                return "Gather needs at least 1 digit and a timeout of at least 1 ms";
            }
            if (!soundUrl(g.getOnData())) {
                return "Gather has no absolute onData address";
            }
            return g.getPlay() == null ? null : verbProblem(g.getPlay(), outgoing);
        }
        if (v instanceof Reject r) {
            return r.getReason() == null || Reject.BUSY.equals(r.getReason()) || Reject.REJECTED.equals(r.getReason())
                    ? null : "Reject reason '" + r.getReason() + "' is neither busy nor rejected";
        }
        return v instanceof Hangup ? null : "unknown verb " + v.getClass().getSimpleName();
    }

    private static boolean digits(String s) {
        if (s == null || s.isEmpty() || s.length() > 15) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean soundUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
