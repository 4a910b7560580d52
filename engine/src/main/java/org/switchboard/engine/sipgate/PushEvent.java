package org.switchboard.engine.sipgate;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook ("push") from sipgate.io, decoded from its form body by {@link PushParser}: a {@code newCall},
 * {@code answer}, {@code hangup} or {@code dtmf} event. The well-known parameters have their own components; a
 * component is {@code null} when its parameter was absent and {@code ""} when it was sent empty (this matters for
 * {@code dtmf}, which sipgate sometimes omits and sometimes sends empty when nothing was typed). {@link #users()},
 * {@link #userIds()} and {@link #fullUserIds()} are never null: {@code newCall} sends {@code user[]} and
 * {@code answer}/{@code hangup} send {@code user}, and both spellings end up in the same list; a list that holds
 * nothing but empty strings (sipgate sends {@code user%5B%5D=}) is reported as empty, while real values keep their
 * positions so that the three lists stay parallel. {@link #fields()} holds every parameter (keys normalised, see
 * {@link PushParser}) for the flow, and {@link #rawBody()} the exact bytes, e.g. for logs. Instances are immutable:
 * collections are unmodifiable copies and the body array is copied in and out.
 */
public record PushEvent(String event, String callId, String origCallId, String xcid, String from, String to,
                        String direction, String diversion, List<String> users, List<String> userIds,
                        List<String> fullUserIds, String answeringNumber, String cause, String dtmf,
                        Map<String, List<String>> fields, byte[] rawBody) {

    /** A call starts ringing (or is being placed); the reply decides what happens. */
    public static final String NEW_CALL = "newCall";
    /** The call was answered; sent to {@code onAnswer}, the reply is ignored. */
    public static final String ANSWER = "answer";
    /** The call ended; sent to {@code onHangup}, the reply is ignored. */
    public static final String HANGUP = "hangup";
    /** A {@code <Gather>} ended; sent to {@code onData}, the reply is the next instruction. */
    public static final String DTMF = "dtmf";

    /** Copies everything so that the event stays a value however the caller reuses its collections. */
    public PushEvent {
        users = users == null ? List.of() : List.copyOf(users);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        fullUserIds = fullUserIds == null ? List.of() : List.copyOf(fullUserIds);
        fields = copyFields(fields);
        rawBody = rawBody == null ? new byte[0] : rawBody.clone();
    }

    /** The exact body bytes as received (a copy, so callers cannot change the event). */
    @Override
    public byte[] rawBody() {
        return rawBody.clone();
    }

    /**
     * The first value of a parameter, or {@code null} if it was not sent. The key may be given in its wire form
     * ({@code user[]}) or normalised ({@code user}).
     */
    public String first(String key) {
        if (key == null) {
            return null;
        }
        List<String> values = fields.get(PushParser.normaliseKey(key));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** True if this is a {@code newCall} event. */
    public boolean isNewCall() {
        return NEW_CALL.equals(event);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PushEvent p
                && Objects.equals(event, p.event) && Objects.equals(callId, p.callId)
                && Objects.equals(origCallId, p.origCallId) && Objects.equals(xcid, p.xcid)
                && Objects.equals(from, p.from) && Objects.equals(to, p.to)
                && Objects.equals(direction, p.direction)
                && Objects.equals(diversion, p.diversion)
                && users.equals(p.users) && userIds.equals(p.userIds) && fullUserIds.equals(p.fullUserIds)
                && Objects.equals(answeringNumber, p.answeringNumber)
                && Objects.equals(cause, p.cause) && Objects.equals(dtmf, p.dtmf)
                && fields.equals(p.fields) && Arrays.equals(rawBody, p.rawBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, callId, origCallId, xcid, from, to, direction, diversion, users,
                userIds, fullUserIds, answeringNumber, cause, dtmf, fields) * 31 + Arrays.hashCode(rawBody);
    }

    /** Shows the decoded fields; the raw body only by length, since the fields already say what it holds. */
    @Override
    public String toString() {
        return "PushEvent[event=" + event + ", callId=" + callId + ", fields=" + fields + ", rawBody="
                + rawBody.length + " bytes]";
    }

    private static Map<String, List<String>> copyFields(Map<String, List<String>> fields) {
        if (fields == null || fields.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(fields.size() * 2);
        fields.forEach((key, values) -> copy.put(key, values == null ? List.of() : List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
