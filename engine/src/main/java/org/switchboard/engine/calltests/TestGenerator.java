package org.switchboard.engine.calltests;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicInteger;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.Branch;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.CallField;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.Webhook;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * Generates one test call per path through a flow, by calling the flow through a {@link TestCallRunner} and trying
 * every way on from where the call stands: each trigger's webhook path and direction, caller and called numbers
 * that routing nodes look for, at each waiting menu the keys that the routing nodes behind it look for (every rule,
 * one that no rule takes) and letting it time out, and for a forwarded call each thing the called party can do.
 * Which values matter comes only from the node types' declarations ({@link NodeType#branches},
 * {@link NodeType#resumePort}, {@link NodeType#webhooks}), never from a type's name. Calls that went the same way
 * (same experiences, same outputs taken) give one test; each test expects what the flow does now, so every
 * generated test passes on the unchanged flow.
 */
public final class TestGenerator {

    /** Longest series of inputs tried in one call (menus that loop back are cut off here). */
    static final int MAX_INPUTS = 12;
    /** How often one call may come back to the same menu. */
    static final int MAX_VISITS_PER_MENU = 2;
    /** Upper bound of calls made while generating, so that a huge flow still ends. */
    static final int MAX_CALLS = 20_000;

    private final TestCallRunner runner;
    private final Flow flow;
    private final NodeTypes types;
    private final Messages messages;
    private final Map<String, List<String>> digitsBehind = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> calledPartyActs;

    private TestGenerator(TestCallRunner runner, Messages messages) {
        this.runner = runner;
        this.flow = runner.flow();
        this.types = runner.types();
        this.messages = messages;
        this.calledPartyActs = calledPartyActs(factExamples());
    }

    /**
     * What a called party is tried doing: answering and being busy always (they differ in the pushes sipgate
     * sends); not answering only when some node routes on the hangup cause "noAnswer", and a voicemail answering
     * only when some node routes on an empty user, since otherwise each goes exactly where "busy" or "answers" goes.
     */
    private static List<String> calledPartyActs(Map<CallField, Set<String>> facts) {
        List<String> acts = new ArrayList<>(List.of("answers", "busy"));
        if (facts.getOrDefault(CallField.CAUSE, Set.of()).contains("noAnswer")) {
            acts.add("noAnswer");
        }
        if (facts.getOrDefault(CallField.USER, Set.of()).contains("")) {
            acts.add("voicemail");
        }
        return acts;
    }

    /**
     * The generated tests, in the order of the flow's triggers and of the inputs tried (the same on every run);
     * names are unique. Calls run on the runner's threads, several at a time.
     */
    public static List<TestCall> generate(TestCallRunner runner, Messages messages) {
        TestGenerator generator = new TestGenerator(runner, messages);
        List<Explore> tasks = new ArrayList<>();
        for (Start start : generator.starts()) {
            tasks.add(generator.new Explore(start, List.of(), List.of()));
        }
        Map<String, TestCall> bySignature = new LinkedHashMap<>();
        for (Explore task : tasks) {
            for (Found found : runner.pool().invoke(task)) {
                bySignature.putIfAbsent(found.signature(), found.test());
            }
        }
        return uniqueNames(new ArrayList<>(bySignature.values()));
    }

    /** A call that starts a search, and its name. */
    private record Start(String name, TestCall.Setup setup) {
    }

    private List<Start> starts() {
        List<Start> starts = new ArrayList<>();
        Map<CallField, Set<String>> facts = factExamples();
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (type == null || !type.isTrigger()) {
                continue;
            }
            String name = node.displayName(type.label(messages));
            for (Webhook webhook : type.webhooks(node)) {
                if (webhook.path() == null) {
                    continue;
                }
                for (String direction : new TreeSet<>(webhook.directions())) {
                    String label = webhook.directions().size() < 2 ? name : messages.get("calltest.name.direction",
                            name, messages.get("calltest.direction." + direction));
                    TestCall.Setup base = new TestCall.Setup(webhook.path(), null, null, direction, null);
                    starts.add(new Start(label, base));
                    for (String from : facts.getOrDefault(CallField.FROM, Set.of())) {
                        starts.add(new Start(messages.get("calltest.name.from", label, shown(from)),
                                new TestCall.Setup(webhook.path(), from, null, direction, null)));
                    }
                    for (String to : facts.getOrDefault(CallField.TO, Set.of())) {
                        starts.add(new Start(messages.get("calltest.name.to", label, shown(to)),
                                new TestCall.Setup(webhook.path(), null, to, direction, null)));
                    }
                    for (String user : facts.getOrDefault(CallField.USER, Set.of())) {
                        starts.add(new Start(messages.get("calltest.name.user", label, user),
                                new TestCall.Setup(webhook.path(), null, null, direction, user)));
                    }
                }
            }
        }
        return starts;
    }

    private static String shown(String number) {
        return number.isEmpty() ? "\"\"" : TestCallRunner.shownNumber(number);
    }

    /** Example values of the facts a newCall sets, from every node's branches. */
    private Map<CallField, Set<String>> factExamples() {
        Map<CallField, Set<String>> facts = new HashMap<>();
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (type == null) {
                continue;
            }
            for (Branch b : type.branches(node)) {
                facts.computeIfAbsent(b.field(), f -> new LinkedHashSet<>()).add(b.example());
            }
        }
        return facts;
    }

    /** A path found: its signature and its test. */
    private record Found(String signature, TestCall test) {
    }

    /**
     * Plays one call (the inputs so far) and, where it can go on, every way on from there, each in a task of its
     * own; returns the paths found below, in the order of the inputs tried.
     */
    private final class Explore extends RecursiveTask<List<Found>> {
        private static final long serialVersionUID = 1L;
        private final transient Start start;
        private final transient List<Input> inputs;
        private final transient List<String> menus;

        Explore(Start start, List<Input> inputs, List<String> menus) {
            this.start = start;
            this.inputs = List.copyOf(inputs);
            this.menus = List.copyOf(menus);
        }

        @Override
        protected List<Found> compute() {
            if (calls.incrementAndGet() > MAX_CALLS) {
                return List.of();
            }
            CallRun run = runner.play(start.setup(), inputs);
            List<Explore> next = new ArrayList<>();
            boolean canGoOn = inputs.size() < MAX_INPUTS && run.unusedInput < 0;
            if (canGoOn && run.waitingNode != null
                    && menus.stream().filter(run.waitingNode::equals).count() < MAX_VISITS_PER_MENU) {
                List<String> visited = new ArrayList<>(menus);
                visited.add(run.waitingNode);
                for (String digits : digitsBehind(run.waitingNode)) {
                    if (digits.length() <= run.waitingDigits) {
                        next.add(new Explore(start, with(inputs, new Input.Press(digits)), visited));
                    }
                }
                next.add(new Explore(start, with(inputs, new Input.Timeout()), visited));
            } else if (canGoOn && run.ringing) {
                for (String does : calledPartyActs) {
                    next.add(new Explore(start, with(inputs, new Input.CalledParty(does)), menus));
                }
            }
            if (next.isEmpty()) {
                return List.of(new Found(signature(start.setup(), run, inputs),
                        new TestCall(name(start, inputs), start.setup(), inputs, run.experiences)));
            }
            List<Found> found = new ArrayList<>();
            for (Explore task : invokeAll(next)) {
                found.addAll(task.join());
            }
            return found;
        }
    }

    private static List<Input> with(List<Input> inputs, Input more) {
        List<Input> longer = new ArrayList<>(inputs.size() + 1);
        longer.addAll(inputs);
        longer.add(more);
        return longer;
    }

    /**
     * What makes two calls the same path: the webhook path and direction they came in on, what the caller
     * experienced, the wired outputs the call went on at (an
     * output without a wire leads nowhere, so a Dial whose outcomes are not wired gives one test, not four), and
     * where the caller pressed keys or let a menu time out (a timeout is its own test even when it goes where an
     * unknown key goes).
     */
    private String signature(TestCall.Setup setup, CallRun run, List<Input> inputs) {
        StringBuilder sb = new StringBuilder(256).append(setup.path()).append(' ').append(setup.direction())
                .append('|').append(run.experiences).append('|');
        for (RuntimeEvent.OutputTaken output : run.outputsTaken) {
            if (!flow.wiresFrom(output.nodeId(), output.port()).isEmpty()) {
                sb.append(output).append(',');
            }
        }
        sb.append('|');
        for (Input input : inputs) {
            sb.append(input instanceof Input.Timeout ? 'T' : input instanceof Input.Press ? 'P' : '-');
        }
        return sb.toString();
    }

    /**
     * The keys the routing nodes behind a waiting menu look for: the digit branches of every node reachable from its
     * outputs, up to the next node that waits for keys of its own.
     */
    private List<String> digitsBehind(String menuId) {
        return digitsBehind.computeIfAbsent(menuId, id -> {
            Set<String> digits = new LinkedHashSet<>();
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.add(id);
            while (!todo.isEmpty()) {
                String nodeId = todo.poll();
                FlowNode node = flow.nodeOrNull(nodeId);
                if (node == null || !seen.add(nodeId)) {
                    continue;
                }
                NodeType type = types.get(node.type());
                if (type == null) {
                    continue;
                }
                if (!nodeId.equals(id) && type.resumePort(CallEvent.DIGITS) != null) {
                    continue;
                }
                for (Branch b : type.branches(node)) {
                    if (b.field() == CallField.DIGITS && !b.example().isEmpty()) {
                        digits.add(b.example());
                    }
                }
                for (Wire w : flow.wiresFrom(nodeId)) {
                    todo.add(w.toNode());
                }
            }
            return List.copyOf(digits);
        });
    }

    private String name(Start start, List<Input> inputs) {
        if (inputs.isEmpty()) {
            return start.name();
        }
        List<String> said = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            said.add(input.describe(messages));
        }
        return messages.get("calltest.name.inputs", start.name(), String.join(", ", said));
    }

    private static List<TestCall> uniqueNames(List<TestCall> tests) {
        Set<String> used = new HashSet<>();
        List<TestCall> named = new ArrayList<>(tests.size());
        for (TestCall test : tests) {
            String name = test.name();
            for (int n = 2; !used.add(name); n++) {
                name = test.name() + " (" + n + ")";
            }
            named.add(test.withName(name));
        }
        return named;
    }
}
