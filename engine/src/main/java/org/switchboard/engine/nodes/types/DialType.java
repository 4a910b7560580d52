package org.switchboard.engine.nodes.types;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.PhoneNumbers;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.sipgate.xml.Dial;

/**
 * Dial: forwards the call to 1–5 numbers (rung in parallel) or to the voicemail, optionally with another caller
 * id, hidden number, and an announcement played first. Its outputs fire on sipgate's answer and hangup pushes;
 * the hangup cause is then available to routing.
 */
public final class DialType implements NodeType {

    public static final String ID = "dial";
    public static final String TARGET = "target";
    public static final String NUMBERS = "numbers";
    public static final String CALLER_ID = "callerId";
    public static final String ANONYMOUS = "anonymous";
    public static final String ANNOUNCEMENT = "announcement";

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.choice(TARGET, "number", "number", "voicemail"),
            PropertySpec.phoneList(NUMBERS, 1, 5).onlyWhen(TARGET, "number"),
            PropertySpec.phoneNumber(CALLER_ID),
            PropertySpec.bool(ANONYMOUS, false),
            PropertySpec.sound(ANNOUNCEMENT, false));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Category category() {
        return Category.CALL_CONTROL;
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    @Override
    public List<OutputPort> outputs(FlowNode node, Messages m) {
        return List.of(new OutputPort(CallEvent.ANSWER.port(), m.get("port.answered")),
                new OutputPort(CallEvent.HANGUP.port(), m.get("port.hungUp")));
    }

    @Override
    public String resumePort(CallEvent event) {
        return event == CallEvent.ANSWER || event == CallEvent.HANGUP ? event.port() : null;
    }

    @Override
    public boolean endsAnswer() {
        return true;
    }

    static boolean toVoicemail(FlowNode node) {
        return "voicemail".equals(node.text(TARGET));
    }

    static List<String> numbers(FlowNode node) {
        List<String> numbers = new ArrayList<>();
        for (Object o : Values.asList(node.property(NUMBERS))) {
            String n = Values.asText(o);
            if (n != null && !n.isBlank()) {
                numbers.add(n.trim());
            }
        }
        return numbers;
    }

    @Override
    public String summary(FlowNode node, Messages m) {
        if (toVoicemail(node)) {
            return m.get("summary.dial.voicemail");
        }
        List<String> numbers = numbers(node);
        if (numbers.isEmpty()) {
            return m.get("summary.dial.none");
        }
        return numbers.size() == 1 ? m.get("summary.dial.one", numbers.get(0))
                : m.get("summary.dial.many", numbers.get(0), numbers.size() - 1);
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        Dial dial;
        if (toVoicemail(node)) {
            dial = Dial.toVoicemail();
        } else {
            List<String> digits = new ArrayList<>();
            for (String n : numbers(node)) {
                String d = PhoneNumbers.toE164Digits(n);
                if (d != null) {
                    digits.add(d);
                } else {
                    call.note(node, "skipped invalid number '" + n + "'");
                }
            }
            dial = Dial.toNumbers(digits);
        }
        String callerId = PhoneNumbers.toE164Digits(node.text(CALLER_ID));
        if (callerId != null) {
            dial.withCallerId(callerId);
        }
        if (Boolean.TRUE.equals(Values.asBoolean(node.property(ANONYMOUS)))) {
            dial.withAnonymous(Boolean.TRUE);
        }
        call.subscribe(node, CallEvent.ANSWER);
        call.subscribe(node, CallEvent.HANGUP);
        return new Outcome.Render(Sounds.withOptionalSound(node, ANNOUNCEMENT, dial, call), null);
    }
}
