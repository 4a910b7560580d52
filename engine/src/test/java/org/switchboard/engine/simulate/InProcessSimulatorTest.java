package org.switchboard.engine.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.server.FamilyMenu;
import org.switchboard.engine.server.RunningServer;
import org.switchboard.engine.server.ServerLimits;
import org.switchboard.engine.server.ServerOptions;
import org.switchboard.engine.server.SwitchboardServer;

/**
 * Pushes handed to the server inside the process ({@link SipgateSimulator#inProcess}, what the command line's
 * {@code test} uses) get the same answers as the same pushes over loopback, errors included, since the same server
 * parses and answers them; they count as the local machine for the per-source limits.
 */
class InProcessSimulatorTest {

    private RunningServer running;

    @BeforeEach
    void start() {
        // one new call a second per source: a source that is not the local machine is refused after three
        running = RunningServer.alsoInProcess(FamilyMenu.flow(),
                ServerOptions.defaults().withLimits(ServerLimits.defaults().withNewCalls(1, 3)));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    /** A whole call: the menu, key 1, Anna answers, the caller hangs up. */
    private static List<Step> call(SipgateSimulator sipgate) {
        SimulatedCall call = sipgate.newCall(FamilyMenu.PATH, "+49 30 1234567", "+49 211 7654321", "in", "Alice");
        call.pressDigits("1");
        call.answer("Alice", FamilyMenu.ANNA);
        call.hangup("normalClearing");
        return call.transcript().steps();
    }

    @Test
    void aCallGetsTheSameAnswersInProcessAsOverLoopback() {
        List<Step> loopback = call(running.simulator());
        List<Step> inProcess = call(running.inProcessSimulator());
        assertEquals(4, inProcess.size(), inProcess::toString);
        for (int i = 0; i < loopback.size(); i++) {
            Step socket = loopback.get(i);
            Step local = inProcess.get(i);
            assertEquals(200, local.status(), local::toString);
            assertEquals(socket.event(), local.event());
            assertEquals(socket.outcome(), local.outcome());
            assertEquals(socket.headers().get("content-type"), local.headers().get("content-type"));
            assertEquals(withoutTokens(socket.responseBody()), withoutTokens(local.responseBody()));
            assertTrue(local.url().startsWith(running.url()), local.url()); // callbacks keep the server's address
        }
        assertEquals(0, running.engine.activeCalls());
    }

    /** Callback URLs carry a token of their own per call. */
    private static String withoutTokens(String xml) {
        return xml.replaceAll("/cb/[A-Za-z0-9_-]+", "/cb/TOKEN");
    }

    @Test
    void refusedPushesGetTheSameErrorAnswers() {
        SipgateSimulator local = running.inProcessSimulator();
        SipgateSimulator socket = running.simulator();
        for (String[] push : new String[][] {{"/nowhere", "event=newCall&callId=1"},
                {FamilyMenu.PATH, "event=surprise&callId=1"}, {"/cb/not-a-token", "event=dtmf&callId=1&dtmf=1"}}) {
            Step expected = socket.post(push[0], push[1]);
            Step got = local.post(push[0], push[1]);
            assertTrue(expected.status() >= 400, expected::toString);
            assertEquals(expected.status(), got.status(), got::toString);
            assertEquals(expected.responseBody(), got.responseBody());
            assertEquals(expected.outcome(), got.outcome());
        }
    }

    @Test
    void inProcessPushesAreTheLocalMachineAndNeverLimited() {
        SipgateSimulator local = running.inProcessSimulator();
        for (int i = 0; i < 10; i++) {
            Step step = local.newCall(FamilyMenu.PATH, "+49 30 1234567", "+49 211 7654321", "in").transcript()
                    .lastStep();
            assertEquals(200, step.status(), step::toString);
        }
    }

    @Test
    void onlyAServerThatTakesInProcessRequestsCanBeDrivenInProcess() {
        try (FlowEngine engine = new FlowEngine(EngineOptions.defaults("http://127.0.0.1"));
             SwitchboardServer plain = new SwitchboardServer(ServerOptions.defaults().withPort(0), engine).start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SipgateSimulator.inProcess(plain).post("/", "event=newCall"));
            assertTrue(e.getMessage().contains("acceptInProcess"), e.getMessage());
            assertThrows(IllegalStateException.class, plain::acceptInProcess);
        }
    }
}
