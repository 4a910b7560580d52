package org.switchboard.engine.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.engine.sipgate.RestResult;
import org.switchboard.engine.sipgate.SipgateRestClient;

/**
 * Real-time call manipulation through sipgate's REST API, off the webhook threads: a push is answered at once and
 * the request runs on a small bounded background pool (queue of 1,000; beyond that requests are refused with a
 * note rather than piling up). Results are published as {@link RuntimeEvent.RestCallDone}.
 */
public final class RestCallControl implements CallControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestCallControl.class);

    private final SipgateRestClient client;
    private final ExecutorService pool;

    public RestCallControl(SipgateRestClient client) {
        this.client = client;
        this.pool = new ThreadPoolExecutor(1, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "switchboard-rtcm");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String hangUp(String callId, CallEventListener listener) {
        try {
            pool.execute(() -> {
                RestResult result = client.hangUp(callId);
                LOG.info("RTCM hang up call {}: {} {}", callId, result.status(), result.message());
                listener.onEvent(new RuntimeEvent.RestCallDone(callId, "hangUp", result.ok(), result.message()));
            });
            return null;
        } catch (RejectedExecutionException e) {
            return "Hang up call skipped: too many sipgate API requests are waiting";
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
