package org.switchboard.engine.nodes.checks;

import java.util.List;

/** The flow-wide checks the validator runs, in the order their problems are listed. */
public final class FlowChecks {

    public static final List<FlowCheck> STANDARD = List.of(new EmptyFlowCheck(), new ReachabilityCheck(),
            new DeadEndCheck(), new SwitchRuleCheck(), new OutgoingDialCheck(), new SoundHostCheck(),
            new VerbSequenceCheck());

    private FlowChecks() {
    }
}
