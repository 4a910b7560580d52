package org.switchboard.engine.calltests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.engine.calllog.CallLogReader;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.host.FlowHost;
import org.switchboard.engine.host.HostOptions;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.simulate.SimulatedCall;
import org.switchboard.engine.simulate.SipgateSimulator;

/** A call really served and logged, replayed against the same flow (no difference) and an edited one. */
class LoggedCallReplayTest {

    @Test
    void aLoggedCallReplaysAndShowsWhereAnEditedFlowAnswersDifferently(@TempDir Path dir) throws Exception {
        Flow flow = FlowFiles.load(Path.of("..", "sample-flows", "family-menu.json")).flow();
        Path log = dir.resolve("calls.jsonl");
        try (FlowHost host = FlowHost.start(HostOptions.onPort(0).withCallLog(log), flow, null)) {
            SimulatedCall call = SipgateSimulator.forServer(host.localUrl()).newCall("/sipgate", "+4917012345678",
                    "+492115550100", "in");
            call.pressDigits("2");
            call.answer("", "+491609876543");
            call.hangup("normalClearing");
        }
        LoggedCall logged = CallLogReader.read(log).calls().get(0);
        TestCall test = LoggedCallReplay.testCall(logged);
        assertEquals(List.of(new Input.Press("2"), new Input.CalledParty("answers"), new Input.CallerHangsUp()),
                test.inputs());

        try (TestCallRunner same = TestCallRunner.start(flow)) {
            TestResult r = same.run(test, Messages.ENGLISH);
            assertNull(r.difference(), () -> String.join("\n", r.stepByStep(Messages.ENGLISH)));
        }
        // the draft sends key 2 to Anna instead of Ben
        Flow draft = flow.withoutWires(List.of(new Wire("digits", "2", "ben")))
                .withWire(new Wire("digits", "2", "anna"));
        try (TestCallRunner edited = TestCallRunner.start(draft)) {
            TestResult r = edited.run(test, Messages.ENGLISH);
            assertNotNull(r.difference());
            List<String> steps = r.stepByStep(Messages.ENGLISH);
            assertTrue(steps.stream().anyMatch(l -> l.contains("- ") && l.contains("+491609876543")), steps::toString);
            assertTrue(steps.stream().anyMatch(l -> l.contains("+ ") && l.contains("+4915123456789")), steps::toString);
        }
    }
}
