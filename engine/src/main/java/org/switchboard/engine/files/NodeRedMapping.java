package org.switchboard.engine.files;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.types.CallEventsType;
import org.switchboard.engine.nodes.types.DialType;
import org.switchboard.engine.nodes.types.GatherType;
import org.switchboard.engine.nodes.types.HangupCallType;
import org.switchboard.engine.nodes.types.HangupType;
import org.switchboard.engine.nodes.types.IncomingCallType;
import org.switchboard.engine.nodes.types.PlayType;
import org.switchboard.engine.nodes.types.RejectType;
import org.switchboard.engine.nodes.types.SwitchType;

/**
 * The per-type half of the Node-RED import: turns one Node-RED node (or config node) into Switchboard nodes and
 * says which Switchboard output each Node-RED output became. {@link NodeRedImport} does the wiring and layout.
 */
final class NodeRedMapping {

    /** A Switchboard output: node id and port id. */
    record PortRef(String node, String port) {
    }

    /** An output that was left out on purpose and already reported (e.g. an unreachable switch rule). */
    static final PortRef DROPPED = new PortRef("", "");

    /** A converted node, an optional generated Call events companion, and one port per Node-RED output. */
    record Mapped(FlowNode node, FlowNode companion, List<PortRef> outputs) {
    }

    /** Node-RED keys that describe the node itself rather than its settings; never copied into properties. */
    private static final Set<String> STRUCTURAL = Set.of("id", "type", "z", "name", "x", "y", "wires", "d", "g");

    /** A generated Call events node sits this far below its Gather or Play (centre to centre). */
    private static final double COMPANION_OFFSET = 80;

    private final Map<String, NodeRedEntry> entries;
    private final List<LoadProblem> problems;
    private final List<String> notes;
    private final UnaryOperator<String> newId;
    private final Set<String> usedTts = new HashSet<>();

    NodeRedMapping(Map<String, NodeRedEntry> entries, List<LoadProblem> problems, List<String> notes,
                   UnaryOperator<String> newId) {
        this.entries = entries;
        this.problems = problems;
        this.notes = notes;
        this.newId = newId;
        for (NodeRedEntry e : entries.values()) {
            if ("tts".equals(soundMode(e))) {
                usedTts.add(e.text("tts"));
            }
        }
    }

    // ---- config nodes ----

    void configNode(NodeRedEntry e) {
        switch (e.type()) {
            case "tts":
                if (!usedTts.contains(e.id())) {
                    notes.add("Text-to-speech " + (e.name().isBlank() ? e.id() : "'" + e.name() + "'")
                            + " (not used by any node, not imported):\n" + e.text("text").strip());
                    problems.add(new LoadProblem(e.place(), "no node uses this text-to-speech; it was not imported "
                            + "(its text is in the flow notes)"));
                }
                break;
            case "aws":
                problems.add(new LoadProblem(e.place(), "not imported: Amazon Polly is not needed any more; "
                        + "text to speech is spoken by the speech engine on this machine"));
                break;
            case "account":
                problems.add(new LoadProblem(e.place(), "not imported: sipgate credentials now live in Settings, "
                        + "where Hang up call takes them from"));
                break;
            default:
                problems.add(new LoadProblem(e.place(), "configuration nodes of type '" + e.type()
                        + "' are not supported; it was not imported"));
        }
    }

    // ---- flow nodes ----

    Mapped flowNode(NodeRedEntry e) {
        switch (e.type()) {
            case "webhook":
                return webhook(e);
            case "dial":
                return dial(e);
            case "gather":
                return gather(e);
            case "play":
                return play(e);
            case "reject":
                return simple(e, RejectType.ID, "reject", Map.of(RejectType.REASON,
                        e.text("reason").isBlank() ? "rejected" : e.text("reason"),
                        RejectType.SOUND, sound(e, "plays no sound")));
            case "hangup":
                return simple(e, HangupType.ID, "hangup", Map.of(HangupType.SOUND, sound(e, "plays no sound")));
            case "hangup-call":
                return simple(e, HangupCallType.ID, "hangupCall", Map.of());
            case "log":
                return log(e);
            case "switch":
                return new NodeRedSwitch(e, problems).map(node(e, SwitchType.ID, "switch", Map.of()));
            default:
                return placeholder(e);
        }
    }

    private FlowNode node(NodeRedEntry e, String type, String idPrefix, Map<String, ?> properties) {
        return new FlowNode(newId.apply(idPrefix), type, e.name(), new Position(e.x(), e.y()),
                Values.freezeMap(properties), Map.of("nodeRedId", e.id()));
    }

    private Mapped simple(NodeRedEntry e, String type, String idPrefix, Map<String, ?> properties) {
        return new Mapped(node(e, type, idPrefix, ordered(type, properties)), null, List.of());
    }

    /** Properties in the type's declared order, so imported files look like ones made in the editor. */
    private static Map<String, Object> ordered(String type, Map<String, ?> properties) {
        Map<String, Object> result = new LinkedHashMap<>();
        NodeType t = NodeTypes.standard().get(type);
        t.properties().forEach(spec -> {
            if (properties.containsKey(spec.key())) {
                result.put(spec.key(), properties.get(spec.key()));
            }
        });
        properties.forEach(result::putIfAbsent);
        return result;
    }

    private Mapped webhook(NodeRedEntry e) {
        String path = e.text("url").trim();
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path; // the Node-RED node adds the slash itself
        }
        FlowNode node = node(e, IncomingCallType.ID, "in", ordered(IncomingCallType.ID,
                Map.of(IncomingCallType.PATH, path, IncomingCallType.DIRECTION, "any")));
        return new Mapped(node, null, List.of(new PortRef(node.id(), IncomingCallType.OUT)));
    }

    private Mapped dial(NodeRedEntry e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(DialType.TARGET, e.text("target").isBlank() ? "number" : e.text("target"));
        List<Object> numbers = new ArrayList<>();
        for (Object o : Values.asList(e.get("numbers"))) {
            Object n = o instanceof Map<?, ?> m ? m.get("number") : o;
            String text = Values.asText(n);
            numbers.add(text == null ? "" : text.trim()); // empty numbers stay: validation names them
        }
        p.put(DialType.NUMBERS, numbers);
        p.put(DialType.CALLER_ID, e.text("callerId").trim());
        p.put(DialType.ANONYMOUS, e.flag("anonymous"));
        p.put(DialType.ANNOUNCEMENT, sound(e, "has no announcement"));
        FlowNode node = node(e, DialType.ID, "dial", p);
        List<PortRef> outs = new ArrayList<>();
        for (String port : events(e)) {
            outs.add(new PortRef(node.id(), port));
        }
        return new Mapped(node, null, outs);
    }

    private Mapped gather(NodeRedEntry e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(GatherType.PROMPT, sound(e, "has no prompt"));
        p.put(GatherType.MAX_DIGITS, whole(e.get("maxDigits"), 1));
        p.put(GatherType.TIMEOUT, whole(e.get("timeout"), 2000));
        FlowNode node = node(e, GatherType.ID, "gather", p);
        List<PortRef> outs = new ArrayList<>();
        outs.add(new PortRef(node.id(), GatherType.DIGITS));
        return withCompanion(e, node, outs, 1);
    }

    private Mapped play(NodeRedEntry e) {
        Object url = sound(e, "plays nothing");
        if ("".equals(url) && !e.has("sound") && !e.has("audio")) {
            url = e.text("url").trim(); // older versions of the Play node had only "url"
        }
        FlowNode node = node(e, PlayType.ID, "play", Map.of(PlayType.URL, url));
        return withCompanion(e, node, new ArrayList<>(), 0);
    }

    private Mapped log(NodeRedEntry e) {
        FlowNode node = node(e, CallEventsType.ID, "events", Map.of());
        List<PortRef> outs = new ArrayList<>();
        for (String port : events(e)) {
            outs.add(new PortRef(node.id(), port));
        }
        return new Mapped(node, null, outs);
    }

    /**
     * Gather and Play have no answer/hangup outputs in Switchboard. When the Node-RED node had them wired, a Call
     * events node takes them over: it gets the same inputs and its outputs the same wires.
     */
    private Mapped withCompanion(NodeRedEntry e, FlowNode node, List<PortRef> outs, int firstEventOutput) {
        List<String> events = events(e);
        boolean wired = false;
        for (int i = 0; i < events.size(); i++) {
            wired |= !e.outputWires(firstEventOutput + i).isEmpty();
        }
        if (!wired) {
            return new Mapped(node, null, outs);
        }
        FlowNode companion = new FlowNode(newId.apply("events"), CallEventsType.ID, "",
                new Position(e.x(), e.y() + COMPANION_OFFSET), Map.of());
        for (String port : events) {
            outs.add(new PortRef(companion.id(), port));
        }
        problems.add(new LoadProblem(e.place(), "its answer/hangup outputs now come from the new Call events node '"
                + companion.id() + "' below it, which is wired from the same inputs"));
        return new Mapped(node, companion, outs);
    }

    /** The event outputs a Node-RED node has, in Node-RED's order: answer (if enabled), then hangup. */
    private static List<String> events(NodeRedEntry e) {
        List<String> ports = new ArrayList<>(2);
        if (e.flag("onAnswer")) {
            ports.add(CallEvent.ANSWER.port());
        }
        if (e.flag("onHangup")) {
            ports.add(CallEvent.HANGUP.port());
        }
        return ports;
    }

    private Mapped placeholder(NodeRedEntry e) {
        Map<String, Object> properties = new LinkedHashMap<>();
        e.config().forEach((k, v) -> {
            if (!STRUCTURAL.contains(k)) {
                properties.put(k, v);
            }
        });
        FlowNode node = node(e, "node-red:" + e.type(), "nodered", properties);
        Long declared = Values.asLong(e.get("outputs"));
        int count = Math.max(e.wires().size(), declared == null ? 0 : declared.intValue());
        List<PortRef> outs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            outs.add(new PortRef(node.id(), Integer.toString(i + 1)));
        }
        String why;
        switch (e.type()) {
            case "function":
                why = "Node-RED function code cannot run in Switchboard";
                break;
            case "change":
                why = "changing message properties is not supported";
                break;
            default:
                why = "the Node-RED node type '" + e.type() + "' is not supported";
        }
        problems.add(new LoadProblem(e.place(), why + "; it was kept as a placeholder that does nothing "
                + "(replace it with Switchboard nodes)"));
        return new Mapped(node, null, outs);
    }

    // ---- values ----

    private static String soundMode(NodeRedEntry e) {
        return e.has("sound") ? e.text("sound") : e.text("audio");
    }

    /**
     * The sound of a node ({@code sound}: none|url|tts with {@code soundUrl} or {@code tts}; older versions:
     * {@code audio} and {@code playUrl}): a URL as plain text, or the text of the tts node it names as a
     * text-to-speech sound ({@link SoundRef}) in German when its language is German, otherwise in English.
     */
    private Object sound(NodeRedEntry e, String withoutIt) {
        String mode = soundMode(e).trim();
        String url = !e.text("soundUrl").isBlank() ? e.text("soundUrl").trim() : e.text("playUrl").trim();
        switch (mode) {
            case "":
            case "url":
            case "sound":
                return url;
            case "none":
                return "";
            case "tts": {
                NodeRedEntry tts = entries.get(e.text("tts"));
                String who = "the " + typeLabel(mappedType(e.type()))
                        + (e.name().isBlank() ? "" : " '" + e.name() + "'");
                if (tts == null || tts.text("text").isBlank()) {
                    problems.add(new LoadProblem(e.place(), "the text-to-speech node it names is missing or empty; "
                            + who + " " + withoutIt + " until you set a sound"));
                    return "";
                }
                String language = tts.text("language").trim().toLowerCase(Locale.ROOT);
                String voice = language.startsWith("de") ? "de" : "en";
                problems.add(new LoadProblem(tts.place(), "now spoken by the speech engine on this machine for "
                        + who + ", in " + (voice.equals("de") ? "German" : "English")
                        + (tts.text("voice").isBlank() ? "" : " (the Polly voice '" + tts.text("voice")
                        + "' is not available)")));
                return SoundRef.speech(tts.text("text").strip(), voice).toValue();
            }
            default:
                problems.add(new LoadProblem(e.place(), "the sound setting '" + mode + "' is not known; no sound "
                        + "was imported"));
                return "";
        }
    }

    /** A whole number from a number or numeric text; empty means the Node-RED default; anything else stays. */
    private static Object whole(Object value, long defaultValue) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return defaultValue;
        }
        Long n = Values.asLong(value);
        return n == null ? value : (Object) n;
    }

    private static String mappedType(String nodeRedType) {
        switch (nodeRedType) {
            case "gather":
                return GatherType.ID;
            case "dial":
                return DialType.ID;
            case "play":
                return PlayType.ID;
            case "reject":
                return RejectType.ID;
            case "hangup":
                return HangupType.ID;
            default:
                return nodeRedType;
        }
    }

    /** The English label of a Switchboard type (problems of an import are in English, like file errors). */
    static String typeLabel(String type) {
        NodeType t = NodeTypes.standard().get(type);
        return t == null ? type : t.label(Messages.ENGLISH);
    }

    /** "the delay of 10 seconds", "the random delay of 1 to 5 seconds", "the rate limit". */
    static String describeDelay(NodeRedEntry e) {
        String pause = e.text("pauseType").isBlank() ? "delay" : e.text("pauseType");
        switch (pause) {
            case "delay":
                return "the delay of " + amount(or(e.text("timeout"), "5"), e.text("timeoutUnits"));
            case "random":
                return "the random delay of " + or(e.text("randomFirst"), "1") + " to "
                        + amount(or(e.text("randomLast"), "5"), e.text("randomUnits"));
            case "delayv":
                return "the delay set by each message";
            default:
                return "the rate limit";
        }
    }

    /** The text, or Node-RED's default when the export leaves it empty. */
    private static String or(String text, String nodeRedDefault) {
        return text.isBlank() ? nodeRedDefault : text;
    }

    private static String amount(String value, String units) {
        String u = units.isBlank() ? "seconds" : units;
        if ("1".equals(value.trim()) && u.endsWith("s")) {
            u = u.substring(0, u.length() - 1);
        }
        return value.trim() + " " + u;
    }
}
