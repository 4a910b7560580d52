package org.switchboard.engine.calltests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.i18n.Messages;

/**
 * One thing a caller experiences in a test call, in the order it happens: hears a sound, may press keys, is
 * connected to numbers or the voicemail, the call ends (rejected, busy, hung up, hung up by the flow through the
 * API), nothing happens (sipgate routes the call normally), or the server answered with an error. These are both
 * what a test expects and what a run observed; two are equal when the caller could not tell them apart. Each kind is
 * one JSON object in a test calls file (see docs/test-calls.md), and is said in plain words in three forms
 * (message keys {@code calltest.<key>}, {@code .expected}, {@code .happened}): "hears menu.wav", "expected to hear
 * menu.wav", "but heard menu.wav".
 */
public sealed interface Experience {

    /** The JSON form: one small object, e.g. {@code {"hears": "https://.../menu.wav"}}. */
    Map<String, Object> toJson();

    /** The stem of this kind's message keys, e.g. {@code hears}. */
    String key();

    /** The arguments of this kind's messages. */
    Object[] args(Messages m);

    /** In plain words, as in a transcript: "hears menu.wav". */
    default String describe(Messages m) {
        return m.get("calltest." + key(), args(m));
    }

    /** In plain words after "expected": "to hear menu.wav". */
    default String expected(Messages m) {
        return m.get("calltest." + key() + ".expected", args(m));
    }

    /** In plain words after "but": "heard menu.wav". */
    default String happened(Messages m) {
        return m.get("calltest." + key() + ".happened", args(m));
    }

    /** The caller hears a sound file. */
    record Hears(String sound) implements Experience {
        @Override
        public Map<String, Object> toJson() {
            return json("hears", sound);
        }

        @Override
        public String key() {
            return "hears";
        }

        @Override
        public Object[] args(Messages m) {
            return new Object[] {shortName(sound)};
        }
    }

    /** A menu waits: the caller may press up to {@code digits} keys within {@code seconds}. */
    record MayPress(int digits, double seconds) implements Experience {
        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = json("mayPress", digits);
            json.put("seconds", seconds == Math.rint(seconds) ? (Object) (long) seconds : (Object) seconds);
            return json;
        }

        @Override
        public String key() {
            return "mayPress";
        }

        @Override
        public Object[] args(Messages m) {
            return new Object[] {digits, seconds};
        }
    }

    /**
     * The call is forwarded to these numbers (ringing at the same time), written {@code +<E.164 digits>}; optionally
     * showing another caller id or hiding the caller's number.
     */
    record ConnectedTo(List<String> numbers, String callerId, boolean anonymous) implements Experience {
        public ConnectedTo {
            numbers = List.copyOf(numbers);
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = json("connectedTo", numbers);
            if (callerId != null) {
                json.put("callerId", callerId);
            }
            if (anonymous) {
                json.put("anonymous", true);
            }
            return json;
        }

        @Override
        public String key() {
            return "connectedTo";
        }

        @Override
        public Object[] args(Messages m) {
            String text = numbers.isEmpty() ? m.get("calltest.nobody") : String.join(", ", numbers);
            if (callerId != null) {
                text = m.get("calltest.withCallerId", text, callerId);
            }
            return new Object[] {anonymous ? m.get("calltest.anonymous", text) : text};
        }
    }

    /** The call is sent to the voicemail. */
    record Voicemail() implements Experience {
        @Override
        public Map<String, Object> toJson() {
            return json("voicemail", true);
        }

        @Override
        public String key() {
            return "voicemail";
        }

        @Override
        public Object[] args(Messages m) {
            return new Object[0];
        }
    }

    /** The call ends: {@code rejected}, {@code busy} (rejected as busy), {@code hungUp}, or {@code hungUpByFlow}. */
    record Ends(String how) implements Experience {
        public static final List<String> KINDS = List.of("rejected", "busy", "hungUp", "hungUpByFlow");

        @Override
        public Map<String, Object> toJson() {
            return json("ends", how);
        }

        @Override
        public String key() {
            return "ends";
        }

        @Override
        public Object[] args(Messages m) {
            return new Object[] {m.get("calltest.ends." + how)};
        }
    }

    /** The flow answered nothing: sipgate goes on as if sipgate.io were off (the phones ring as usual). */
    record RoutedNormally() implements Experience {
        @Override
        public Map<String, Object> toJson() {
            return json("routedNormally", true);
        }

        @Override
        public String key() {
            return "routedNormally";
        }

        @Override
        public Object[] args(Messages m) {
            return new Object[0];
        }
    }

    /** The server did not answer with sipgate XML (an HTTP error, or no connection: status 0). */
    record ServerError(int status) implements Experience {
        @Override
        public Map<String, Object> toJson() {
            return json("serverError", status);
        }

        @Override
        public String key() {
            return "serverError";
        }

        @Override
        public Object[] args(Messages m) {
            return new Object[] {status};
        }
    }

    /** A one-key JSON object that keeps its keys in order when more are added. */
    static Map<String, Object> json(String key, Object value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(key, value);
        return json;
    }

    /** Sound URLs are long; people recognise the file name. */
    static String shortName(String url) {
        if (url == null) {
            return "";
        }
        int slash = url.lastIndexOf('/');
        return slash >= 0 && slash < url.length() - 1 ? url.substring(slash + 1) : url;
    }
}
