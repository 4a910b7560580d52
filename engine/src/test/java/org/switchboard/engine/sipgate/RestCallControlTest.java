package org.switchboard.engine.sipgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.runtime.RestCallControl;
import org.switchboard.engine.runtime.RuntimeEvent;

/** The runtime's RTCM hang-up, against a local stand-in for sipgate's REST API. */
class RestCallControlTest {

    @Test
    void hangsUpInTheBackgroundAndReportsTheResult() throws Exception {
        try (FakeSipgateApi api = new FakeSipgateApi();
             RestCallControl control = new RestCallControl(new SipgateRestClient(api.base(),
                     new SipgateCredentials(FakeSipgateApi.TOKEN_ID, FakeSipgateApi.TOKEN)))) {
            api.runningCalls.add("call/1");
            LinkedBlockingQueue<RuntimeEvent> events = new LinkedBlockingQueue<>();
            api.delayMillis = 200;
            long start = System.nanoTime();
            assertNull(control.hangUp("call/1", events::add));
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(150),
                    "the webhook thread must not wait for sipgate");
            RuntimeEvent.RestCallDone done = (RuntimeEvent.RestCallDone) events.poll(5, TimeUnit.SECONDS);
            assertEquals("call/1", done.callId());
            assertTrue(done.ok(), done.message());
            assertEquals(List.of("DELETE /v2/calls/call%2F1"), api.requestLines());
        }
    }

    @Test
    void wrongTokenIsReportedClearly() throws Exception {
        try (FakeSipgateApi api = new FakeSipgateApi();
             RestCallControl control = new RestCallControl(new SipgateRestClient(api.base(),
                     new SipgateCredentials(FakeSipgateApi.TOKEN_ID, "wrong")))) {
            LinkedBlockingQueue<RuntimeEvent> events = new LinkedBlockingQueue<>();
            control.hangUp("c1", events::add);
            RuntimeEvent.RestCallDone done = (RuntimeEvent.RestCallDone) events.poll(5, TimeUnit.SECONDS);
            assertEquals(false, done.ok());
            assertTrue(done.message().contains("token"), done.message());
        }
    }
}
