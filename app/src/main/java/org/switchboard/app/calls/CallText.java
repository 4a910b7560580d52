package org.switchboard.app.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.nodes.PhoneNumbers;

/** How a call reads in the Calls tab, its detail, the live pill, notifications and the CSV export. */
final class CallText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm");
    /** The earlier days' pattern, made for the window's language once. */
    private static volatile DateTimeFormatter earlier;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Where a call stands: still going (ringing, in a menu, connected) or ended in one of several ways. */
    enum State {
        RINGING, IN_MENU, CONNECTED, ANSWERED, BUSY, NO_ANSWER, REJECTED, CALLER_HUNG_UP, NOT_REACHED, FORWARDED,
        ENDED;

        boolean live() {
            return this == RINGING || this == IN_MENU || this == CONNECTED;
        }

        String text() {
            return AppTexts.get("calls.state." + name().toLowerCase(Locale.ROOT));
        }
    }

    private CallText() {
    }

    static State state(LoggedCall call) {
        String xml = call.lastXml();
        if (call.inProgress()) {
            if (call.answered()) {
                return State.CONNECTED;
            }
            return xml != null && xml.contains("<Gather") ? State.IN_MENU : State.RINGING;
        }
        String cause = call.endCause() == null ? "" : call.endCause();
        if (answerOf(call).contains("<Reject")) {
            return State.REJECTED;
        }
        return switch (cause) {
            case "normalClearing" -> call.answered() ? State.ANSWERED : State.CALLER_HUNG_UP;
            case "cancel" -> State.CALLER_HUNG_UP;
            case "busy" -> State.BUSY;
            case "noAnswer" -> State.NO_ANSWER;
            case "congestion", "notFound" -> State.NOT_REACHED;
            case "forwarded" -> State.FORWARDED;
            default -> State.ENDED;
        };
    }

    /** The last answer that told sipgate what to do (answers to answer and hangup pushes are ignored). */
    private static String answerOf(LoggedCall call) {
        for (int i = call.pushes().size() - 1; i >= 0; i--) {
            LoggedCall.Push p = call.pushes().get(i);
            if (!"hangup".equals(p.event()) && !"answer".equals(p.event()) && p.xml() != null) {
                return p.xml();
            }
        }
        return "";
    }

    /** A number for reading: {@code +49 211 5550100}, or "Anonymous" when withheld. */
    static String number(String digits) {
        if (digits == null || digits.isBlank()) {
            return "";
        }
        if ("anonymous".equalsIgnoreCase(digits.strip())) {
            return AppTexts.get("calls.anonymous");
        }
        String typed = digits.strip();
        return PhoneNumbers.display(typed.startsWith("+") || !typed.chars().allMatch(Character::isDigit)
                ? typed : "+" + typed);
    }

    static String direction(LoggedCall call) {
        String d = call.direction();
        return d == null ? "" : AppTexts.has("calls.direction." + d) ? AppTexts.get("calls.direction." + d) : d;
    }

    static String time(Instant t) {
        return TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    /** For the list: {@code 14:32} today, else with the day ({@code 3 Dec 14:32}). */
    static String listTime(Instant t, Instant now) {
        var at = t.atZone(ZoneId.systemDefault());
        boolean today = at.toLocalDate().equals(now.atZone(ZoneId.systemDefault()).toLocalDate());
        return (today ? SHORT : earlierDays()).format(at);
    }

    /** How a call of an earlier day shows its start ("3 Dec 14:32", "03.12. 14:32"). */
    static DateTimeFormatter earlierDays() {
        DateTimeFormatter f = earlier;
        if (f == null || !f.getLocale().equals(AppTexts.locale())) {
            f = DateTimeFormatter.ofPattern(AppTexts.get("calls.time.earlier"), AppTexts.locale());
            earlier = f;
        }
        return f;
    }

    static String dayTime(Instant t) {
        return DAY_TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    /** m:ss (h:mm:ss from an hour), up to now while the call is in progress. */
    static String duration(LoggedCall call, Instant now) {
        Duration d = call.inProgress() ? Duration.between(call.start(), now) : call.duration();
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** A node's name in the flow, or its id when the flow no longer has it. */
    static String nodeName(Flow flow, String nodeId) {
        FlowNode node = flow == null ? null : flow.nodeOrNull(nodeId);
        return node == null ? nodeId : node.displayName(nodeId);
    }

    /** The path as text: {@code Main menu [2] › Ben}. */
    static String path(LoggedCall call, Flow flow) {
        List<String> parts = new ArrayList<>();
        for (LoggedCall.Step step : call.path()) {
            parts.add(nodeName(flow, step.nodeId()) + (step.digits() == null ? "" : " [" + step.digits() + "]"));
        }
        return String.join(" \u203A ", parts);
    }

    /** Where the flow sent the call first: the node that answered its first push. */
    static String firstStop(LoggedCall call, Flow flow) {
        if (call.pushes().isEmpty()) {
            return "";
        }
        LoggedCall.Push first = call.pushes().get(0);
        if (first.answeredBy() != null) {
            return nodeName(flow, first.answeredBy());
        }
        List<String> nodes = first.nodes();
        return nodes.isEmpty() ? "" : nodeName(flow, nodes.get(nodes.size() - 1));
    }

    /** Whether the call matches the filter: digits match the numbers however they are written; words match text. */
    static boolean matches(LoggedCall call, Flow flow, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String q = filter.strip().toLowerCase(Locale.ROOT);
        String qDigits = q.replaceAll("[^0-9]", "");
        if (!qDigits.isEmpty() && q.matches("[+0-9 ()/.-]+")) {
            String plain = qDigits.startsWith("0") ? qDigits.replaceFirst("^0+", "") : qDigits;
            return digits(call.from()).contains(plain) || digits(call.to()).contains(plain);
        }
        String text = String.join("\n", number(call.from()), number(call.to()), direction(call),
                path(call, flow), state(call).text(), call.callId()).toLowerCase(Locale.ROOT);
        return text.contains(q);
    }

    private static String digits(String number) {
        return number == null ? "" : number.replaceAll("[^0-9]", "");
    }
}
