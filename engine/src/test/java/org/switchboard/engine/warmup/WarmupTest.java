package org.switchboard.engine.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.runtime.PushOutcome;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Response;

/** The warm-up does real work: its push goes all the way to an answer, and Jetty is configured before it loads. */
class WarmupTest {

    @Test
    void theWarmPushIsAnsweredByTheWarmFlow() {
        PushOutcome outcome = Warmup.server();
        assertEquals(200, outcome.status(), outcome::toString);
        assertTrue(outcome.xml().contains("<Hangup/>"), outcome.xml());
    }

    @Test
    void theTestCallsWarmUpReadsTheWarmAnswerBack() {
        Response answer = Warmup.testCalls();
        assertEquals(1, answer.getVerbs().size());
        assertInstanceOf(Hangup.class, answer.getVerbs().get(0));
    }

    @Test
    void theEditorWarmUpConfiguresJettyAndReadsAFlow() {
        Warmup.editor();
        assertNotNull(System.getProperty(Warmup.JETTY_REFERENCES_PER_CACHE_LINE));
    }
}
