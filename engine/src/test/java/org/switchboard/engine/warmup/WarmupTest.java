package org.switchboard.engine.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.runtime.PushOutcome;

/** The warm-up does real work: its push goes all the way to an answer, and Jetty is configured before it loads. */
class WarmupTest {

    @Test
    void theWarmPushIsAnsweredByTheWarmFlow() {
        PushOutcome outcome = Warmup.server();
        assertEquals(200, outcome.status(), outcome::toString);
        assertTrue(outcome.xml().contains("<Hangup/>"), outcome.xml());
    }

    @Test
    void theEditorWarmUpConfiguresJettyAndReadsAFlow() {
        Warmup.editor();
        assertNotNull(System.getProperty(Warmup.JETTY_REFERENCES_PER_CACHE_LINE));
    }
}
