package org.switchboard.engine.simulate;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Reject;
import org.switchboard.engine.sipgate.xml.Response;
import org.switchboard.engine.sipgate.xml.Verb;

/**
 * Says in plain English what sipgate does with an XML answer: "Caller hears https://…/menu.wav and may press 1 key
 * (5 s)", "Call is forwarded to +4915123456789", "Call is rejected (busy)", "Nothing happens: sipgate routes the
 * call normally". Used for transcripts and the simulator panel. English only for now.
 */
public final class Narrator {

    /** sipgate's defaults when a Gather leaves the attribute out. */
    private static final int DEFAULT_MAX_DIGITS = 1;
    private static final int DEFAULT_TIMEOUT_MS = 2000;

    private Narrator() {
    }

    /** What happens when sipgate executes this answer to a newCall or dtmf push. */
    public static String describe(Response response) {
        List<Verb> verbs = response.getVerbs();
        if (verbs.isEmpty()) {
            return "Nothing happens: sipgate routes the call normally";
        }
        List<String> parts = new ArrayList<>(verbs.size());
        for (Verb verb : verbs) {
            parts.add(describe(verb));
        }
        return String.join("; then ", parts);
    }

    /** One verb in plain English. */
    public static String describe(Verb verb) {
        if (verb instanceof Gather g) {
            int digits = g.getMaxDigits() == null ? DEFAULT_MAX_DIGITS : g.getMaxDigits();
            int timeout = g.getTimeout() == null ? DEFAULT_TIMEOUT_MS : g.getTimeout();
            String heard = g.getPlay() == null || g.getPlay().getUrl() == null ? "Caller hears silence"
                    : "Caller hears " + g.getPlay().getUrl();
            String keys = digits == 1 ? "may press 1 key" : "may press up to " + digits + " keys";
            return heard + " and " + keys + " (" + seconds(timeout) + ")";
        }
        if (verb instanceof Play p) {
            return "Caller hears " + p.getUrl();
        }
        if (verb instanceof Dial d) {
            StringBuilder sb = new StringBuilder();
            if (d.isVoicemail()) {
                sb.append("Call goes to the voicemail");
            } else if (d.getNumbers().isEmpty()) {
                sb.append("Call is forwarded to nobody (the Dial has no number)");
            } else {
                List<String> shown = d.getNumbers().stream().map(Narrator::phone).toList();
                sb.append("Call is forwarded to ").append(String.join(", ", shown));
                if (shown.size() > 1) {
                    sb.append(" (ringing at the same time)");
                }
            }
            if (d.getCallerId() != null) {
                sb.append(", showing caller id ").append(phone(d.getCallerId()));
            }
            if (Boolean.TRUE.equals(d.getAnonymous())) {
                sb.append(", with the caller's number hidden");
            }
            return sb.toString();
        }
        if (verb instanceof Reject r) {
            return "Call is rejected (" + (r.getReason() == null ? Reject.REJECTED : r.getReason()) + ")";
        }
        if (verb instanceof Hangup) {
            return "Call is hung up";
        }
        return "Unknown instruction " + verb;
    }

    /** sipgate writes numbers as E.164 digits; people read them with a plus. */
    static String phone(String digits) {
        if (digits == null || digits.isEmpty() || "anonymous".equals(digits) || digits.startsWith("+")) {
            return digits;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return digits;
            }
        }
        return "+" + digits;
    }

    private static String seconds(int millis) {
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.valueOf(millis / 1000.0).replaceAll("0+$", "") + " s";
    }
}
