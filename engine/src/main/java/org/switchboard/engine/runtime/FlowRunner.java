package org.switchboard.engine.runtime;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.CallField;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.sipgate.PushEvent;
import org.switchboard.engine.sipgate.xml.Response;

/**
 * Executes flows for sipgate pushes. A {@code newCall} on a trigger starts a {@link CallSession} on the current flow
 * value and walks until a node needs sipgate; callbacks resume the session at the output their token names. The
 * runner holds no flow of its own (each session carries its version), so a deploy never disturbs running calls.
 */
public final class FlowRunner {

    /** Estimated bytes of the facts later pushes add (digits, the answering user and number, the cause). */
    private static final int LATER_FACT_BYTES = 2 * 160;

    private final NodeTypes types;
    private final CallSessions sessions;
    private final CallControl callControl;
    private final CallEventListener listener;
    private final AnswerGuard guard = new AnswerGuard();
    private final Clock clock;
    private volatile String baseUrl;
    private volatile LocalSounds localSounds = LocalSounds.NONE;

    public FlowRunner(NodeTypes types, CallSessions sessions, CallControl callControl, CallEventListener listener,
                      String baseUrl, Clock clock) {
        this.types = types;
        this.clock = clock;
        this.sessions = sessions;
        this.callControl = callControl;
        this.listener = listener;
        setBaseUrl(baseUrl);
    }

    /** The public address of this server's root, used in every callback URL (e.g. the ngrok URL). */
    public void setBaseUrl(String baseUrl) {
        String b = Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public String baseUrl() {
        return baseUrl;
    }

    void setLocalSounds(LocalSounds sounds) {
        this.localSounds = sounds;
    }

    public CallSessions sessions() {
        return sessions;
    }

    /** The clock nodes read the time from. */
    Clock clock() {
        return clock;
    }

    /**
     * Starts a call at the given triggers (the nodes listening on the pushed path). A newCall whose
     * {@code callId} is already running (sipgate hands a call to the voicemail with a second newCall, per its own
     * library; or someone replays a captured push) starts nothing: the running call keeps its flow and callbacks,
     * and the answer is an empty {@code <Response/>} (sipgate then goes on as without sipgate.io, e.g. the voicemail
     * records), with a note saying why.
     */
    public PushOutcome newCall(Flow flow, List<FlowNode> triggers, PushEvent push) {
        long start = System.nanoTime();
        String callId = push.callId() == null ? "" : push.callId();
        CallSession session = sessions.start(callId, flow, weight(push));
        if (session == null) {
            return repeatedNewCall(callId, push, start);
        }
        recordFacts(session, push);
        Walk walk = new Walk(this, types, session, true);
        for (FlowNode trigger : triggers) {
            walk.enter(trigger);
        }
        if (walk.entered().size() == triggers.size() && walk.verbs().isEmpty()) {
            walk.notes().add("no trigger on this path accepts " + push.direction() + " calls");
        }
        return answer(session, walk, push, start);
    }

    /** Room a call's facts may take: what the newCall brings, and the few facts later pushes add. */
    private static int weight(PushEvent push) {
        int chars = length(push.callId()) + length(push.from()) + length(push.to()) + length(push.diversion())
                + (push.users().isEmpty() ? 0 : push.users().get(0).length());
        return CallSessions.BASE_BYTES + 2 * chars + LATER_FACT_BYTES;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private PushOutcome repeatedNewCall(String callId, PushEvent push, long startNanos) {
        String note = "repeated newCall for a running call (e.g. a hand-off to the voicemail): answered empty, "
                + "the flow was not started again";
        String xml = AnswerXml.write(new Response());
        if (listener != CallEventListener.NONE) {
            listener.onEvent(new RuntimeEvent.PushHandled(callId, push.event(), List.of(), List.of(), null, xml,
                    List.of(note), (System.nanoTime() - startNanos) / 1000, push.fields()));
        }
        return new PushOutcome(200, xml, note, callId, null);
    }

    /** Resumes a call from a callback URL's token. */
    public PushOutcome callback(String token, PushEvent push) {
        long start = System.nanoTime();
        Continuation c = sessions.resolve(token);
        if (c == null) {
            return PushOutcome.error(404, "Unknown or expired callback");
        }
        CallSession session = c.session();
        if (!session.callId().isEmpty() && push.callId() != null && !push.callId().isEmpty()
                && !session.callId().equals(push.callId())) {
            return PushOutcome.error(400, "This callback belongs to another call");
        }
        String event = push.event();
        if (c.kind() == Continuation.Kind.DIGITS) {
            if (!PushEvent.DTMF.equals(event)) {
                return PushOutcome.error(400, "Expected a dtmf event at this callback, got " + event);
            }
            if (!sessions.consume(c)) {
                return PushOutcome.error(404, "Unknown or expired callback");
            }
            sessions.touch(session);
            recordFacts(session, push);
            session.setFact(CallField.DIGITS, push.dtmf() == null ? "" : push.dtmf());
            Walk walk = new Walk(this, types, session, true);
            resume(walk, session.flow().nodeOrNull(c.nodeId()), CallEvent.DIGITS);
            return answer(session, walk, push, start);
        }
        CallEvent callEvent = switch (event) {
            case PushEvent.ANSWER -> CallEvent.ANSWER;
            case PushEvent.HANGUP -> CallEvent.HANGUP;
            default -> null;
        };
        if (callEvent == null) {
            return PushOutcome.error(400, "Expected an answer or hangup event at this callback, got " + event);
        }
        sessions.touch(session);
        recordFacts(session, push);
        Walk walk = new Walk(this, types, session, false);
        for (CallSession.Subscription s : session.subscriptions(callEvent)) {
            resume(walk, session.flow().nodeOrNull(s.nodeId()), callEvent);
        }
        PushOutcome outcome = answer(session, walk, push, start);
        if (callEvent == CallEvent.HANGUP) {
            sessions.end(session);
            listener.onEvent(new RuntimeEvent.CallEnded(session.callId(), push.cause()));
        }
        return outcome;
    }

    /** Goes on at the output where the node's type says this event resumes it. */
    private void resume(Walk walk, FlowNode node, CallEvent event) {
        if (node == null) {
            return;
        }
        NodeType type = types.get(node.type());
        String port = type == null ? null : type.resumePort(event);
        if (port == null) {
            walk.notes().add(node.id() + ": not resumed by " + event.port());
        } else {
            walk.follow(node, port);
        }
    }

    private void recordFacts(CallSession session, PushEvent push) {
        setIfPresent(session, CallField.FROM, push.from());
        setIfPresent(session, CallField.TO, push.to());
        setIfPresent(session, CallField.DIRECTION, direction(push.direction()));
        setIfPresent(session, CallField.DIVERSION, push.diversion());
        setIfPresent(session, CallField.CALL_ID, push.callId());
        setIfPresent(session, CallField.CAUSE, push.cause());
        setIfPresent(session, CallField.ANSWERING_NUMBER, push.answeringNumber());
        setIfPresent(session, CallField.ORIG_CALL_ID, push.origCallId());
        setIfPresent(session, CallField.XCID, push.xcid());
        if (PushEvent.NEW_CALL.equals(push.event())) { // everyone rung; later pushes name single users
            setList(session, CallField.USER, push.users());
            setList(session, CallField.USER_ID, push.userIds());
            setList(session, CallField.FULL_USER_ID, push.fullUserIds());
        } else if (PushEvent.ANSWER.equals(push.event())) {
            session.setFact(CallField.ANSWERED_BY, push.users().isEmpty() ? "" : push.users().get(0));
        }
    }

    private static void setList(CallSession session, CallField field, List<String> values) {
        if (!values.isEmpty()) {
            session.setFact(field, values.size() == 1 ? values.get(0)
                    : String.join(CallField.LIST_SEPARATOR, values));
        }
    }

    /** The two usual values as constants, so that thousands of running calls do not each keep a copy. */
    private static String direction(String direction) {
        if ("in".equals(direction)) {
            return "in";
        }
        return "out".equals(direction) ? "out" : direction;
    }

    private static void setIfPresent(CallSession session, CallField field, String value) {
        if (value != null) {
            session.setFact(field, value);
        }
    }

    private PushOutcome answer(CallSession session, Walk walk, PushEvent push, long startNanos) {
        String events = eventsUrl(session);
        Response response = new Response().withOnAnswer(events).withOnHangup(events);
        walk.verbs().forEach(response::add);
        if (walk.verbs().isEmpty() && walk.notes().isEmpty() && !PushEvent.ANSWER.equals(push.event())
                && !PushEvent.HANGUP.equals(push.event())) {
            walk.notes().add("no node answered; the call goes on as if sipgate.io were off");
        }
        String xml = AnswerXml.write(response);
        if (listener != CallEventListener.NONE) { // the headless server has no listener: skip the copies
            listener.onEvent(new RuntimeEvent.PushHandled(session.callId(), push.event(),
                    List.copyOf(walk.entered()), List.copyOf(walk.taken()),
                    walk.answeringNode(), xml, List.copyOf(walk.notes()),
                    (System.nanoTime() - startNanos) / 1000, push.fields()));
        }
        return new PushOutcome(200, xml, walk.notes().isEmpty() ? null : String.join("; ", walk.notes()),
                session.callId(), walk.answeringNode());
    }

    /**
     * One URL per call for answer and hangup (the event field tells them apart); repeated on every answer, as
     * sipgate's own library does, because whether a later answer replaces them is not documented.
     */
    private String eventsUrl(CallSession session) {
        StringBuilder url = callbackUrl();
        session.appendEventsToken(url);
        return url.toString();
    }

    String dataUrl(CallSession session, FlowNode node) {
        StringBuilder url = callbackUrl();
        session.appendDigitsToken(node.id(), url);
        return url.toString();
    }

    String soundUrl(Object value) {
        SoundRef sound = SoundRef.of(value);
        if (sound.source() == SoundRef.Source.URL) {
            return sound.url().isEmpty() ? null : sound.url();
        }
        String file = sound.localFile();
        return file == null || !localSounds.has(file) ? null : baseUrl + "/" + file;
    }

    private StringBuilder callbackUrl() {
        String base = baseUrl;
        return new StringBuilder(base.length() + 4 + Tokens.LENGTH).append(base).append("/cb/");
    }

    AnswerGuard guard() {
        return guard;
    }

    String hangUp(CallSession session) {
        if (session.callId().isEmpty()) {
            return "Hang up call skipped: sipgate sent no callId";
        }
        return callControl.hangUp(session.callId(), listener);
    }
}
