package org.switchboard.engine.simulate;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Reject;
import org.switchboard.engine.sipgate.xml.Response;
import org.switchboard.engine.sipgate.xml.Verb;

/**
 * One simulated call, from its {@code newCall} on: knows which Gather waits for keys and which {@code onAnswer} and
 * {@code onHangup} URLs the answers named, and posts the follow-up pushes there as sipgate would. Each action blocks
 * until the server answered (at most 10 s) and returns its {@link Step}; {@link #transcript()} is a snapshot of all
 * steps. Methods are synchronised, so a UI may call them from a background thread and read state from another; run
 * them off the UI thread, since they wait for HTTP.
 */
public final class SimulatedCall {

    private final SipgateSimulator simulator;
    private final String callId;
    private final String from;
    private final String to;
    private final String direction;
    private final List<Step> steps = new ArrayList<>();
    private String onData;
    private String onAnswer;
    private String onHangup;
    private boolean forwarded;
    private boolean answered;
    private String answeringNumber;
    private boolean ended;

    SimulatedCall(SipgateSimulator simulator, String callId, String from, String to, String direction) {
        this.simulator = simulator;
        this.callId = callId;
        this.from = from;
        this.to = to;
        this.direction = direction;
    }

    synchronized void start(String path, List<String> users) {
        PushForm form = PushForm.of("newCall", "direction", direction, "from", from, "to", to, "callId", callId,
                "origCallId", callId);
        if (users.isEmpty()) {
            form.add("user[]", ""); // what sipgate sends when nobody is named
        }
        for (String user : users) {
            form.add("user[]", user);
        }
        form.add("xcid", callId.substring(0, 16).toLowerCase(java.util.Locale.ROOT));
        String action = "Call from " + Narrator.phone(from) + " to " + Narrator.phone(to)
                + ("out".equals(direction) ? " (outgoing)" : "");
        record(simulator.post("newCall", action, simulator.webhookUrl(path), form.encode()), true);
    }

    /** The caller types these keys at the waiting Gather; its {@code onData} URL gets a {@code dtmf} push. */
    public synchronized Step pressDigits(String digits) {
        return dtmf(digits == null || digits.isEmpty() ? null : digits);
    }

    /** The waiting Gather times out without a key: a {@code dtmf} push without the {@code dtmf} field. */
    public synchronized Step noDigits() {
        return dtmf(null);
    }

    private Step dtmf(String digits) {
        checkOpen();
        if (onData == null) {
            throw new IllegalStateException("No Gather is waiting for keys; the last answer was: " + lastOutcome());
        }
        String url = simulator.callbackTarget(onData);
        PushForm form = PushForm.of("dtmf", "callId", callId, "origCallId", callId, "dtmf", digits);
        String action = digits == null ? "Caller presses no key (the Gather times out)" : "Caller presses " + digits;
        return record(simulator.post("dtmf", action, url, form.encode()), true);
    }

    /**
     * The forwarded call is picked up: an {@code answer} push to the {@code onAnswer} URL. Not posted (a step with
     * no URL) when no answer named such a URL, as sipgate would not post it either.
     */
    public synchronized Step answer(String user, String number) {
        checkOpen();
        String shownNumber = SipgateSimulator.number(number);
        String action = (user == null || user.isEmpty() ? "Someone" : user) + " answers"
                + (shownNumber == null ? "" : " at " + Narrator.phone(shownNumber));
        answered = true;
        answeringNumber = shownNumber;
        if (onAnswer == null) {
            return record(new Step("answer", action, null, null, null, 0, null, null,
                    "Nothing is posted: no answer named an onAnswer URL", 0), false);
        }
        PushForm form = PushForm.of("answer", "callId", callId, "origCallId", callId, "user", user == null ? "" : user,
                "from", from, "to", to, "direction", direction, "answeringNumber", shownNumber);
        return record(simulator.post("answer", action, simulator.callbackTarget(onAnswer), form.encode()), false);
    }

    /** The call ends with this cause (e.g. {@code normalClearing}, {@code cancel}, {@code busy}). */
    public synchronized Step hangup(String cause) {
        checkOpen();
        String why = cause == null ? "normalClearing" : cause;
        ended = true;
        onData = null;
        String action = "Call ends (" + why + ")";
        if (onHangup == null) {
            return record(new Step("hangup", action, null, null, null, 0, null, null,
                    "Nothing is posted: no answer named an onHangup URL", 0), false);
        }
        PushForm form = PushForm.of("hangup", "cause", why, "callId", callId, "origCallId", callId, "from", from,
                "to", to, "direction", direction, "answeringNumber", answered ? answeringNumber : null);
        return record(simulator.post("hangup", action, simulator.callbackTarget(onHangup), form.encode()), false);
    }

    private Step record(Step step, boolean answerCounts) {
        Step shown = step;
        if (!answerCounts && step.posted()) {
            String note = step.status() == 200 ? "sipgate ignores the answer to this event"
                    : "Server answered " + step.status() + " (" + (step.responseBody() == null ? ""
                    : step.responseBody().strip()) + "); sipgate ignores it";
            shown = new Step(step.event(), step.action(), step.url(), step.requestBody(), step.headers(), step.status(),
                    step.responseBody(), step.response(), note, step.micros());
        }
        steps.add(shown);
        if (answerCounts) {
            follow(step);
        }
        return shown;
    }

    /** Remembers what sipgate would act on next. */
    private void follow(Step step) {
        onData = null;
        Response response = step.response();
        if (response == null) {
            return; // sipgate gives up on this call's push API and routes normally
        }
        if (response.getOnAnswer() != null) {
            onAnswer = response.getOnAnswer();
        }
        if (response.getOnHangup() != null) {
            onHangup = response.getOnHangup();
        }
        for (Verb verb : response.getVerbs()) {
            if (verb instanceof Gather g) {
                onData = g.getOnData();
                return;
            }
            if (verb instanceof Dial) {
                forwarded = true;
                return;
            }
            if (verb instanceof Reject || verb instanceof Hangup) {
                return;
            }
        }
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("The call has already ended");
        }
    }

    private String lastOutcome() {
        return steps.isEmpty() ? "none" : steps.get(steps.size() - 1).outcome();
    }

    /** The call id sent in every push of this call. */
    public String callId() {
        return callId;
    }

    /** Whether a Gather waits for keys (so {@link #pressDigits} or {@link #noDigits} may be called). */
    public synchronized boolean awaitingDigits() {
        return onData != null && !ended;
    }

    /** Whether the flow forwarded the call with a {@code <Dial>}. */
    public synchronized boolean forwarded() {
        return forwarded;
    }

    /** Whether {@link #hangup} was called. */
    public synchronized boolean ended() {
        return ended;
    }

    /** The {@code onHangup} URL of the latest answer that named one, or null. */
    public synchronized String onHangupUrl() {
        return onHangup;
    }

    /** The {@code onData} URL of the waiting Gather, or null. */
    public synchronized String onDataUrl() {
        return onData;
    }

    /** A snapshot of everything so far. */
    public synchronized Transcript transcript() {
        return new Transcript(steps);
    }

    /** The latest 200 XML answer, or null. */
    public synchronized Response lastResponse() {
        return transcript().lastResponse();
    }
}
