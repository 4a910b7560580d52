package org.switchboard.engine.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.runtime.RuntimeEvent;
import org.switchboard.engine.simulate.SipgateSimulator;

/**
 * A real engine behind a real server on 127.0.0.1, port 0, whose base URL is the server's own loopback URL; records
 * every runtime event. For tests only.
 */
public final class RunningServer implements AutoCloseable {

    public final FlowEngine engine;
    public final SwitchboardServer server;
    public final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();

    public RunningServer(Flow flow) {
        this(flow, ServerOptions.defaults().withPort(0), EngineOptions.DEFAULT_IDLE_TIMEOUT);
    }

    public RunningServer(Flow flow, ServerOptions options, Duration idleTimeout) {
        this(flow, options, idleTimeout, UnaryOperator.identity(), false);
    }

    /** @param tune changes the engine's options (node types, clock) before it starts */
    public RunningServer(Flow flow, UnaryOperator<EngineOptions> tune) {
        this(flow, ServerOptions.defaults().withPort(0), EngineOptions.DEFAULT_IDLE_TIMEOUT, tune, false);
    }

    private RunningServer(Flow flow, ServerOptions options, Duration idleTimeout, UnaryOperator<EngineOptions> tune,
                          boolean inProcess) {
        EngineOptions engineOptions = new EngineOptions("http://127.0.0.1", EngineOptions.DEFAULT_MAX_SESSIONS,
                idleTimeout, null, events::add);
        engine = new FlowEngine(tune.apply(engineOptions));
        engine.deploy(flow);
        server = new SwitchboardServer(options.withPort(0), engine);
        if (inProcess) {
            server.acceptInProcess();
        }
        server.start();
        engine.setBaseUrl(server.url());
    }

    /** A server that also takes requests handed over inside this process ({@link #inProcessSimulator()}). */
    public static RunningServer alsoInProcess(Flow flow, ServerOptions options) {
        return new RunningServer(flow, options, EngineOptions.DEFAULT_IDLE_TIMEOUT, UnaryOperator.identity(), true);
    }

    /** A simulator that hands its pushes to this server inside the process (see {@link #alsoInProcess}). */
    public SipgateSimulator inProcessSimulator() {
        return SipgateSimulator.inProcess(server);
    }

    public String url() {
        return server.url();
    }

    public SipgateSimulator simulator() {
        return SipgateSimulator.forServer(url());
    }

    /** Notes of every handled push so far. */
    public List<String> notes() {
        return events.stream().filter(e -> e instanceof RuntimeEvent.PushHandled)
                .flatMap(e -> ((RuntimeEvent.PushHandled) e).notes().stream()).toList();
    }

    public long pushesHandled() {
        return events.stream().filter(e -> e instanceof RuntimeEvent.PushHandled).count();
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
