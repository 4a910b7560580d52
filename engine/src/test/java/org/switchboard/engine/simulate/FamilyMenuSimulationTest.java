package org.switchboard.engine.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.server.FamilyMenu;
import org.switchboard.engine.server.RunningServer;
import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Response;

/** The family menu, driven end to end over loopback HTTP by the simulated sipgate. */
class FamilyMenuSimulationTest {

    private RunningServer running;
    private SipgateSimulator sipgate;

    @BeforeEach
    void start() {
        running = new RunningServer(FamilyMenu.flow());
        sipgate = running.simulator();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private SimulatedCall call() {
        return sipgate.newCall(FamilyMenu.PATH, "+49 30 1234567", "+49 211 7654321", "in", "Alice");
    }

    @Test
    void newCallAnswersWithTheMenuGather() {
        SimulatedCall call = call();
        Step step = call.transcript().lastStep();
        assertEquals(200, step.status(), step::toString);
        assertEquals("application/xml; charset=UTF-8", step.headers().get("content-type").get(0));
        Response response = step.response();
        assertEquals(1, response.getVerbs().size());
        Gather gather = assertInstanceOf(Gather.class, response.getVerbs().get(0));
        assertEquals(FamilyMenu.PROMPT, gather.getPlay().getUrl());
        assertEquals(1, gather.getMaxDigits());
        assertEquals(5000, gather.getTimeout());
        assertTrue(gather.getOnData().startsWith(running.url() + "/cb/"), gather.getOnData());
        assertTrue(response.getOnHangup().startsWith(running.url() + "/cb/"), response.getOnHangup());
        assertEquals("Caller hears " + FamilyMenu.PROMPT + " and may press 1 key (5 s)", step.outcome());
        assertTrue(call.awaitingDigits());
        assertEquals(1, running.engine.activeCalls());
    }

    @Test
    void digitOneRingsAnnaAndTwoRingsBen() {
        Step anna = call().pressDigits("1");
        assertEquals(200, anna.status(), anna::toString);
        assertTrue(anna.responseBody().contains("<Number>" + FamilyMenu.ANNA + "</Number>"), anna.responseBody());
        assertEquals("Call is forwarded to +" + FamilyMenu.ANNA, anna.outcome());

        SimulatedCall second = call();
        Step ben = second.pressDigits("2");
        assertTrue(ben.responseBody().contains("<Number>" + FamilyMenu.BEN + "</Number>"), ben.responseBody());
        assertEquals(List.of(FamilyMenu.BEN), second.transcript().dialedNumbers());
        assertTrue(second.forwarded());
    }

    @Test
    void unknownDigitTakesOtherwise() {
        SimulatedCall call = call();
        Step sorry = call.pressDigits("7");
        assertEquals(200, sorry.status());
        List<?> verbs = sorry.response().getVerbs();
        assertEquals(2, verbs.size(), sorry.responseBody());
        assertEquals(FamilyMenu.SORRY, assertInstanceOf(Play.class, verbs.get(0)).getUrl());
        assertInstanceOf(Hangup.class, verbs.get(1));
        Transcript t = call.transcript();
        assertEquals(List.of(FamilyMenu.PROMPT, FamilyMenu.SORRY), t.heardUrls());
        assertTrue(t.hungUp());
        assertTrue(t.dialedNumbers().isEmpty());
        assertEquals("Caller hears " + FamilyMenu.SORRY + "; then Call is hung up", sorry.outcome());
    }

    @Test
    void dtmfWithoutDigitsTakesOtherwise() {
        SimulatedCall call = call();
        Step step = call.noDigits();
        assertFalse(step.requestBody().contains("dtmf="), step.requestBody());
        assertEquals(200, step.status());
        assertEquals(List.of(FamilyMenu.PROMPT, FamilyMenu.SORRY), call.transcript().heardUrls());
        assertTrue(call.transcript().hungUp());
    }

    @Test
    void answerAndHangupAreAcceptedAndEndTheCall() {
        SimulatedCall call = call();
        String onData = call.onDataUrl();
        call.pressDigits("1");
        Step answer = call.answer("Anna", "+49 151 23456789");
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.requestBody().contains("answeringNumber=" + FamilyMenu.ANNA), answer.requestBody());
        String onHangup = call.onHangupUrl();
        Step hangup = call.hangup("normalClearing");
        assertEquals(200, hangup.status(), hangup::toString);
        assertEquals(0, running.engine.activeCalls());

        // the call is over: its event token and its used digits token are dead
        Step late = sipgate.post(onHangup, PushForm.of("hangup", "callId", call.callId(), "cause", "normalClearing")
                .encode());
        assertEquals(404, late.status(), late::toString);
        assertEquals("Unknown or expired callback", late.responseBody().strip());
        Step replay = sipgate.post(onData, PushForm.of("dtmf", "callId", call.callId(), "dtmf", "2").encode());
        assertEquals(404, replay.status(), replay::toString);
    }

    @Test
    void interleavedCallsNeverSeeEachOthersDigits() {
        SimulatedCall first = call();
        SimulatedCall second = call();
        second.pressDigits("2");
        first.pressDigits("1");
        assertEquals(List.of(FamilyMenu.ANNA), first.transcript().dialedNumbers());
        assertEquals(List.of(FamilyMenu.BEN), second.transcript().dialedNumbers());
    }

    @Test
    void manyConcurrentCallsEachGetTheirOwnDial() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Transcript>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String digit = i % 2 == 0 ? "1" : "2";
                results.add(pool.submit(() -> sipgate.run(
                        Scenario.call(FamilyMenu.PATH, "+49 30 111111", "+49 30 222222").pressing(digit)
                                .answeredBy("x", digit.equals("1") ? FamilyMenu.ANNA : FamilyMenu.BEN))));
            }
            for (int i = 0; i < results.size(); i++) {
                Transcript t = results.get(i).get();
                String expected = i % 2 == 0 ? FamilyMenu.ANNA : FamilyMenu.BEN;
                assertEquals(List.of(expected), t.dialedNumbers(), t::toString);
                assertTrue(t.steps().stream().allMatch(s -> s.status() == 200), t::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, running.engine.activeCalls());
    }

    @Test
    void digitWithNothingWiredToOtherwiseGivesAnEmptyAnswerAndANote() {
        running.engine.deploy(FamilyMenu.flow(false));
        SimulatedCall call = call();
        Step step = call.pressDigits("9");
        assertEquals(200, step.status(), step::toString);
        Response response = step.response();
        assertNotNull(response);
        assertTrue(response.getVerbs().isEmpty(), step.responseBody());
        assertNotNull(response.getOnHangup(), "the call still reports its hangup");
        assertEquals("Nothing happens: sipgate routes the call normally", step.outcome());
        assertTrue(running.notes().stream().anyMatch(n -> n.startsWith("choice:") && n.contains("otherwise")),
                running.notes()::toString);
    }

    @Test
    void scenarioPlaysTheWholeCall() {
        Transcript t = sipgate.run(Scenario.call(FamilyMenu.PATH, "+49 30 1234567", "+49 211 7654321")
                .withUsers("Alice").pressing("2").answeredBy("Ben", "+49 160 9876543"));
        assertEquals(List.of("newCall", "dtmf", "answer", "hangup"),
                t.steps().stream().map(Step::event).toList(), t::toString);
        assertEquals(List.of(FamilyMenu.BEN), t.dialedNumbers());
        assertFalse(t.rejected());
        assertEquals(0, running.engine.activeCalls());
    }

    @Test
    void callbacksToAPublicBaseUrlAreMappedToTheLocalServer() {
        running.engine.setBaseUrl("https://family.example-tunnel.app");
        SipgateSimulator viaTunnel = sipgate.withCallbackBase("https://family.example-tunnel.app/");
        Transcript t = viaTunnel.run(Scenario.call(FamilyMenu.PATH, "+49 30 1234567", "+49 211 7654321")
                .pressing("2").answeredBy("Ben", FamilyMenu.BEN));
        Gather gather = assertInstanceOf(Gather.class, t.steps().get(0).response().getVerbs().get(0));
        assertTrue(gather.getOnData().startsWith("https://family.example-tunnel.app/cb/"), gather.getOnData());
        assertTrue(t.steps().get(1).url().startsWith(running.url() + "/cb/"), t.steps().get(1).url());
        assertEquals(List.of(200, 200, 200, 200), t.steps().stream().map(Step::status).toList(), t::toString);
        assertEquals(List.of(FamilyMenu.BEN), t.dialedNumbers());
    }

    @Test
    void pressingWithoutAWaitingGatherIsRefusedLocally() {
        SimulatedCall call = call();
        call.pressDigits("1");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> call.pressDigits("2"));
        assertTrue(e.getMessage().contains("No Gather"), e.getMessage());
        assertInstanceOf(Dial.class, call.lastResponse().getVerbs().get(0));
    }
}
