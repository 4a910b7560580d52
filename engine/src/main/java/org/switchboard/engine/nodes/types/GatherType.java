package org.switchboard.engine.nodes.types;

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
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Play;

/**
 * Gather: asks the caller for up to {@code maxDigits} key presses (waiting {@code timeout} ms), optionally after a
 * prompt. sipgate posts the digits back; the call continues at "digits", where a Switch can route on them.
 */
public final class GatherType implements NodeType {

    public static final String ID = "gather";
    public static final String MAX_DIGITS = "maxDigits";
    public static final String TIMEOUT = "timeout";
    public static final String PROMPT = "prompt";
    public static final String DIGITS = CallEvent.DIGITS.port();

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.sound(PROMPT, false),
            PropertySpec.integer(MAX_DIGITS, 1, 1, 32, null),
            PropertySpec.integer(TIMEOUT, 2000, 1, 600_000, "ms"));

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
        return List.of(new OutputPort(DIGITS, m.get("port.digits")));
    }

    @Override
    public String resumePort(CallEvent event) {
        return event == CallEvent.DIGITS ? DIGITS : null;
    }

    static long maxDigits(FlowNode node) {
        Long n = Values.asLong(node.property(MAX_DIGITS));
        return n == null || n < 1 ? 1 : n;
    }

    static long timeout(FlowNode node) {
        Long n = Values.asLong(node.property(TIMEOUT));
        return n == null || n < 1 ? 2000 : n;
    }

    @Override
    public String summary(FlowNode node, Messages m) {
        long digits = maxDigits(node);
        long ms = timeout(node);
        String seconds = ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(m.locale(), "%.1f", ms / 1000.0);
        return m.get("summary.gather", digits, seconds);
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        String prompt = Sounds.url(node, PROMPT, call);
        Gather gather = Gather.of(call.dataUrl(node), (int) maxDigits(node), (int) timeout(node),
                prompt == null ? null : Play.of(prompt));
        return new Outcome.Render(List.of(gather), null);
    }
}
