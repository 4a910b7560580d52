package org.switchboard.engine.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.Webhook;
import org.switchboard.engine.sipgate.PushEvent;

/**
 * The headless runtime: holds the deployed flow and its route table (webhook path to the triggers that listen there,
 * as their node types declare), and
 * turns pushes into answers. {@link #deploy} swaps flow and routes in one atomic step; calls already running go
 * on with the flow they started with. Thread-safe; used by the server, the CLI and the app.
 */
public final class FlowEngine implements AutoCloseable {

    private record Deployment(Flow flow, Map<String, List<FlowNode>> routes, LocalSounds sounds) {
    }

    private final NodeTypes types;
    private final FlowRunner runner;
    private final ScheduledExecutorService sweeper;
    private volatile Deployment deployment = new Deployment(Flow.empty(), Map.of(), LocalSounds.NONE);

    public FlowEngine(EngineOptions options) {
        CallSessions sessions = new CallSessions(options.maxSessions(), options.idleTimeout(), options.clock());
        // a call given up without its hangup ends for the listeners too, so no monitor shows it live for ever
        sessions.onGivenUp(id -> options.listener().onEvent(new RuntimeEvent.CallEnded(id, RuntimeEvent.EXPIRED)));
        this.types = options.types();
        this.runner = new FlowRunner(types, sessions, options.callControl(), options.listener(), options.baseUrl(),
                options.clock());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, Math.min(60, options.idleTimeout().toSeconds() / 4));
        sweeper.scheduleWithFixedDelay(sessions::sweep, period, period, TimeUnit.SECONDS);
    }

    /** Makes the flow live for new calls, without local sounds (a flow that has no file yet). */
    public void deploy(Flow flow) {
        deploy(flow, null);
    }

    /**
     * Makes the flow live for new calls; its local sounds ({@code sounds/HASH.wav}) are served from
     * {@code flowFolder}, the folder of its file.
     */
    public void deploy(Flow flow, Path flowFolder) {
        Map<String, List<FlowNode>> routes = new LinkedHashMap<>();
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            for (Webhook hook : type == null ? List.<Webhook>of() : type.webhooks(node)) {
                String path = hook.path();
                if (path != null && path.startsWith("/")) {
                    List<FlowNode> listeners = routes.computeIfAbsent(path, p -> new ArrayList<>());
                    if (!listeners.contains(node)) {
                        listeners.add(node);
                    }
                }
            }
        }
        routes.replaceAll((p, nodes) -> List.copyOf(nodes));
        LocalSounds sounds = LocalSounds.scan(flow, flowFolder, types);
        runner.setLocalSounds(sounds);
        deployment = new Deployment(flow, Map.copyOf(routes), sounds);
    }

    public Flow flow() {
        return deployment.flow();
    }

    /** The local sounds the deployed flow may use (what {@code /sounds/} serves). */
    public LocalSounds localSounds() {
        return deployment.sounds();
    }

    public Set<String> webhookPaths() {
        return deployment.routes().keySet();
    }

    /**
     * The webhook path of the first Incoming call node (by path) that takes calls of {@code direction} ({@code in}
     * or {@code out}); empty when no node does.
     */
    public Optional<String> webhookPathFor(String direction) {
        return deployment.flow().nodes().stream()
                .flatMap(node -> {
                    NodeType type = types.get(node.type());
                    return type == null ? Stream.<Webhook>empty() : type.webhooks(node).stream();
                })
                .filter(hook -> hook.path() != null && hook.path().startsWith("/")
                        && hook.directions().contains(direction))
                .map(Webhook::path)
                .sorted()
                .findFirst();
    }

    public boolean isWebhookPath(String path) {
        return deployment.routes().containsKey(path);
    }

    public void setBaseUrl(String baseUrl) {
        runner.setBaseUrl(baseUrl);
    }

    public String baseUrl() {
        return runner.baseUrl();
    }

    public int activeCalls() {
        return runner.sessions().size();
    }

    /** How many running calls were dropped because the call store was full, since the engine started. */
    public long evictedCalls() {
        return runner.sessions().evicted();
    }

    /** A push on a webhook path: must be a newCall. {@code 404} when no trigger listens there. */
    public PushOutcome webhook(String path, PushEvent push) {
        Deployment d = deployment;
        List<FlowNode> triggers = d.routes().get(path);
        if (triggers == null) {
            return PushOutcome.error(404, "No trigger listens on this path");
        }
        if (!PushEvent.NEW_CALL.equals(push.event())) {
            return PushOutcome.error(400, "Expected a newCall event on a webhook path, got " + push.event());
        }
        return runner.newCall(d.flow(), triggers, push);
    }

    /** A push on a callback URL ({@code /cb/TOKEN}). */
    public PushOutcome callback(String token, PushEvent push) {
        return runner.callback(token, push);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
