package org.switchboard.engine.extension;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.PropertyKind;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * A routing node with a kind of property the engine has never heard of (a list of weekdays, with its own check and
 * editor id): routes to "closed" on those days by the engine's clock, to "open" otherwise.
 */
public final class ClosedDaysType implements NodeType {

    public static final String ID = "test.closedDays";
    public static final String DAYS = "days";
    public static final PropertyKind WEEKDAYS = new PropertyKind("test.weekdays", List.of("SUNDAY"), true,
            v -> Values.asList(v.value()).stream().map(Values::asText).allMatch(ClosedDaysType::isDay) ? null
                    : v.label() + ": not a weekday");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Category category() {
        return Category.ROUTING;
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of(PropertySpec.of(DAYS, WEEKDAYS));
    }

    @Override
    public List<OutputPort> outputs(FlowNode node, Messages messages) {
        return List.of(new OutputPort("open", "open"), new OutputPort("closed", "closed"));
    }

    @Override
    public String summary(FlowNode node, Messages messages) {
        return String.valueOf(node.property(DAYS));
    }

    @Override
    public String label(Messages messages) {
        return "Closed days";
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        String today = ZonedDateTime.now(call.clock()).getDayOfWeek().name();
        boolean closed = Values.asList(node.property(DAYS)).stream().map(Values::asText).anyMatch(today::equals);
        return new Outcome.Route(closed ? "closed" : "open");
    }

    private static boolean isDay(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(s)) {
                return true;
            }
        }
        return false;
    }
}
