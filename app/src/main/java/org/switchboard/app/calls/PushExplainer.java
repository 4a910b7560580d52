package org.switchboard.app.calls;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;

/** What went wrong with a push, in plain words: the runtime's notes with node names, and empty answers. */
final class PushExplainer {

    /** The runtime's note when no rule of a Switch matched and its "otherwise" output leads nowhere. */
    private static final String NO_RULE = "output 'otherwise' is not connected";
    private static final List<String> VERBS = List.of("<Dial", "<Play", "<Gather", "<Reject", "<Hangup");

    private PushExplainer() {
    }

    static List<String> explain(LoggedCall.Push push, Flow flow) {
        List<String> out = new ArrayList<>();
        boolean empty = emptyAnswer(push);
        boolean noRule = false;
        for (String note : push.notes()) {
            if (empty && "dtmf".equals(push.event()) && note.endsWith(NO_RULE)) {
                noRule = true; // said in the sentence below
                continue;
            }
            int colon = note.indexOf(": ");
            String id = colon > 0 ? note.substring(0, colon) : null;
            if (id != null && flow != null && flow.contains(id)) {
                out.add(CallText.nodeName(flow, id) + ": " + note.substring(colon + 2));
            } else {
                out.add(note);
            }
        }
        if (empty) {
            String dtmf = push.fields().get("dtmf");
            out.add(0, noRule
                    ? AppTexts.get("calls.explain.dtmfEmpty", dtmf == null || dtmf.isEmpty() ? "\u2013" : dtmf)
                    : AppTexts.get("calls.explain.empty", push.event()));
        }
        return out;
    }

    /** An answer that tells sipgate nothing, to a push whose answer counts (answers to answer and hangup do not). */
    static boolean emptyAnswer(LoggedCall.Push push) {
        if ("answer".equals(push.event()) || "hangup".equals(push.event())) {
            return false;
        }
        String xml = push.xml() == null ? "" : push.xml();
        return VERBS.stream().noneMatch(xml::contains);
    }

    /** How long the answer took, e.g. {@code 3 ms} or {@code 0.4 ms}; empty when not known. */
    static String took(LoggedCall.Push push) {
        if (push.micros() < 0) {
            return "";
        }
        return push.micros() >= 10_000 ? (push.micros() / 1000) + " ms"
                : String.format(AppTexts.locale(), "%.1f ms", push.micros() / 1000.0);
    }
}
