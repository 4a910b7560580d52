package org.switchboard.engine.calltests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PhoneNumbers;
import org.switchboard.engine.nodes.Webhook;
import org.switchboard.engine.runtime.CallControl;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.runtime.RuntimeEvent;
import org.switchboard.engine.server.ServerOptions;
import org.switchboard.engine.server.SwitchboardServer;
import org.switchboard.engine.simulate.SimulatedCall;
import org.switchboard.engine.simulate.SipgateSimulator;
import org.switchboard.engine.simulate.Step;
import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Reject;
import org.switchboard.engine.sipgate.xml.Verb;

/**
 * Runs test calls against a flow exactly as it would run for sipgate: a real engine behind the real webhook server
 * on 127.0.0.1 (a free port), driven over HTTP by the {@link SipgateSimulator} (over loopback, or with
 * {@link #startInProcess} the same requests handed to the server inside this process). Each test's inputs are played in
 * order; what the caller experiences is read from the XML answers, and which nodes and outputs ran from the engine's
 * events. "Hang up call" nodes reach a local stand-in for sipgate's REST API that only records the request. A
 * runner serves one flow; close it to stop the server. Tests may run from several threads at once.
 */
public final class TestCallRunner implements AutoCloseable {

    /** A local sound's address in a recorded answer: {@code <any base>/sounds/<hash>.wav}. */
    private static final java.util.regex.Pattern LOCAL_SOUND =
            java.util.regex.Pattern.compile("^https?://[^?#]*/" + org.switchboard.engine.flow.SoundRef.FOLDER
                    + "/([0-9a-f]{64}\\.wav)$");

    private final Flow flow;
    private final NodeTypes types;
    private final FlowEngine engine;
    private final SwitchboardServer server;
    private final SipgateSimulator sipgate;
    private final Map<String, List<RuntimeEvent.PushHandled>> events = new ConcurrentHashMap<>();
    private final Set<String> hungUpByFlow = ConcurrentHashMap.newKeySet();
    /** Runs calls side by side; each waits for HTTP most of its time. */
    private final ForkJoinPool pool = new ForkJoinPool(Math.max(4, Runtime.getRuntime().availableProcessors()));

    private TestCallRunner(Flow flow, NodeTypes types, java.nio.file.Path flowFolder, boolean inProcess) {
        this.flow = flow;
        this.types = types;
        CallControl apiStandIn = (callId, listener) -> {
            hungUpByFlow.add(callId);
            return null;
        };
        EngineOptions options = EngineOptions.defaults("http://127.0.0.1").withTypes(types)
                .withCallControl(apiStandIn).withListener(this::record);
        engine = new FlowEngine(options);
        engine.deploy(flow, flowFolder);
        server = new SwitchboardServer(ServerOptions.defaults().withPort(0), engine);
        if (inProcess) {
            server.acceptInProcess();
        }
        server.start();
        engine.setBaseUrl(server.url());
        sipgate = inProcess ? SipgateSimulator.inProcess(server) : SipgateSimulator.forServer(server.url());
    }

    /** Starts a server for this flow with the standard node types. */
    public static TestCallRunner start(Flow flow) {
        return start(flow, NodeTypes.standard());
    }

    public static TestCallRunner start(Flow flow, NodeTypes types) {
        return new TestCallRunner(flow, types, null, false);
    }

    /**
     * Starts a server for this flow whose local sounds ({@code sounds/HASH.wav}) are served from {@code flowFolder},
     * the folder of the flow's file, as {@code run} serves them. The caller then hears them under their place in
     * the flow ({@code sounds/HASH.wav}), not under the runner's passing address.
     */
    public static TestCallRunner start(Flow flow, NodeTypes types, java.nio.file.Path flowFolder) {
        return new TestCallRunner(flow, types, flowFolder, false);
    }

    /**
     * Like {@link #start(Flow, NodeTypes, java.nio.file.Path)}, but the simulator hands its pushes to the server
     * inside this process ({@link SipgateSimulator#inProcess}) instead of over loopback: the same HTTP requests
     * through the same server, without a socket and an HTTP client, which a short-lived JVM (the command line's
     * {@code test}) would spend a good part of its run starting.
     */
    public static TestCallRunner startInProcess(Flow flow, NodeTypes types, java.nio.file.Path flowFolder) {
        return new TestCallRunner(flow, types, flowFolder, true);
    }

    /** A sound URL as a test names it: the runner's own local sounds by their place beside the flow. */
    private String soundName(String url) {
        String own = server.url() + "/" + org.switchboard.engine.flow.SoundRef.FOLDER + "/";
        return url != null && url.startsWith(own)
                ? org.switchboard.engine.flow.SoundRef.FOLDER + "/" + url.substring(own.length()) : url;
    }

    public Flow flow() {
        return flow;
    }

    NodeTypes types() {
        return types;
    }

    private void record(RuntimeEvent event) {
        if (event instanceof RuntimeEvent.PushHandled push) {
            events.computeIfAbsent(push.callId(), id -> Collections.synchronizedList(new ArrayList<>())).add(push);
        }
    }

    /** Runs one test and compares what happened with what it expects. */
    public TestResult run(TestCall test, Messages m) {
        long start = System.nanoTime();
        CallRun run = play(test.call(), test.inputs());
        String difference = firstDifference(test.expect(), run.experiences, m);
        if (difference == null && run.unusedInput >= 0) {
            difference = m.get("calltest.diff.unusedInput", test.inputs().get(run.unusedInput).describe(m),
                    m.get(run.unusedWhy));
        }
        return new TestResult(test, difference, run.experiences, run.nodesEntered, run.outputsTaken,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs every test, several at a time; the results are in the order of the tests. */
    public List<TestResult> runAll(List<TestCall> tests, Messages m) {
        List<ForkJoinTask<TestResult>> runs = new ArrayList<>(tests.size());
        for (TestCall test : tests) {
            runs.add(pool.submit(() -> run(test, m)));
        }
        List<TestResult> results = new ArrayList<>(tests.size());
        for (ForkJoinTask<TestResult> r : runs) {
            results.add(r.join());
        }
        return results;
    }

    ForkJoinPool pool() {
        return pool;
    }

    /** The webhook path a test without one calls: the first trigger's. */
    String defaultPath() {
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (type != null && type.isTrigger()) {
                for (Webhook webhook : type.webhooks(node)) {
                    if (webhook.path() != null) {
                        return webhook.path();
                    }
                }
            }
        }
        return "/";
    }

    /** Plays a call with these inputs to its end and reports what happened. */
    CallRun play(TestCall.Setup setup, List<Input> inputs) {
        Call call = begin(setup);
        for (int i = 0; i < inputs.size(); i++) {
            String why = call.apply(inputs.get(i));
            if (why != null) {
                call.run.unusedInput = i;
                call.run.unusedWhy = why;
                break;
            }
        }
        call.run.ringing = call.ringing();
        call.run.waitingNode = call.awaitingDigits() ? call.state.answeringNode : null;
        call.run.waitingDigits = call.state.maxDigits;
        call.end();
        return call.run;
    }

    /**
     * Starts a call that is played one input at a time (the app's simulator): the {@code newCall} is posted now;
     * each {@link Call#apply} posts what sipgate would post next. What the caller experienced and which nodes and
     * outputs ran grow as it goes. End it with {@link Call#end()}.
     */
    public Call begin(TestCall.Setup setup) {
        return new Call(setup);
    }

    /**
     * One call played input by input, over the runner's server as sipgate would drive it. Methods wait for HTTP:
     * call them off a UI thread. Thread-safe.
     */
    public final class Call {

        private final TestCall.Setup setup;
        private final SimulatedCall call;
        private final CallRun run = new CallRun();
        private final CallState state = new CallState();
        private final List<Input> inputs = new ArrayList<>();

        private Call(TestCall.Setup setup) {
            String path = setup.path() == null ? defaultPath() : setup.path();
            TestCall.Setup used = new TestCall.Setup(path, setup.from(), setup.to(), setup.direction(), setup.user());
            this.setup = used;
            call = setup.user() == null
                    ? sipgate.newCall(path, setup.from(), setup.to(), setup.direction())
                    : sipgate.newCall(path, setup.from(), setup.to(), setup.direction(), setup.user());
            absorb(call, call.transcript().lastStep(), run, state);
        }

        /**
         * Plays one input; returns null, or the message key of why the call could not take it (then nothing was
         * posted).
         */
        public synchronized String apply(Input input) {
            String why = TestCallRunner.apply(call, input, setup, state);
            if (why == null) {
                inputs.add(input);
                absorb(call, call.transcript().lastStep(), run, state);
                if (call.ended()) {
                    events.remove(call.callId());
                }
            }
            return why;
        }

        /** Hangs up (the caller, or the called party after answering) unless the call has ended; idempotent. */
        public synchronized void end() {
            if (!call.ended()) {
                call.hangup(state.answered || state.flowEnded ? "normalClearing" : "cancel");
                absorb(call, call.transcript().lastStep(), run, state);
            }
            events.remove(call.callId());
        }

        /** The newCall as posted (its path filled in). */
        public TestCall.Setup setup() {
            return setup;
        }

        /** What the caller experienced so far, in order. */
        public synchronized List<Experience> experiences() {
            return List.copyOf(run.experiences);
        }

        /** The inputs played so far (those the call took). */
        public synchronized List<Input> inputs() {
            return List.copyOf(inputs);
        }

        /** The nodes the engine entered so far, in order. */
        public synchronized List<String> nodesEntered() {
            return List.copyOf(run.nodesEntered);
        }

        /** The outputs the engine went on at so far, in order. */
        public synchronized List<RuntimeEvent.OutputTaken> outputsTaken() {
            return List.copyOf(run.outputsTaken);
        }

        /** The node whose answer the caller is in now (a waiting menu, a ringing Dial), or null. */
        public synchronized String currentNode() {
            return ended() ? null : state.answeringNode;
        }

        /** Whether a menu waits for keys. */
        public synchronized boolean awaitingDigits() {
            return call.awaitingDigits();
        }

        /** How many keys the waiting menu takes. */
        public synchronized int maxDigits() {
            return state.maxDigits;
        }

        /** Whether the call was forwarded and the called party has not answered yet. */
        public synchronized boolean ringing() {
            return state.dialled != null && !state.answered && !call.ended();
        }

        /** Whether the called party (or its voicemail) answered. */
        public synchronized boolean answered() {
            return state.answered;
        }

        /**
         * Whether the call is over: hung up, or the flow ended it (rejected, hung up, nothing to wait for any more).
         */
        public synchronized boolean ended() {
            return call.ended() || state.flowEnded || !call.awaitingDigits() && state.dialled == null;
        }

        /** The call so far as a test: its inputs, and its experiences as what to expect. */
        public synchronized TestCall toTest(String name) {
            return new TestCall(name, setup, inputs, run.experiences);
        }
    }

    /** Where the call stands, as far as the answers tell. */
    private static final class CallState {
        String dialled;
        boolean answered;
        boolean flowEnded;
        String answeringNode;
        int maxDigits;
    }

    /** Plays one input; returns the message key of why it could not be used, or null. */
    private static String apply(SimulatedCall call, Input input, TestCall.Setup setup, CallState state) {
        if (call.ended()) {
            return "calltest.unused.ended";
        }
        if (input instanceof Input.Press press) {
            if (!call.awaitingDigits()) {
                return "calltest.unused.noMenu";
            }
            call.pressDigits(press.digits());
        } else if (input instanceof Input.Timeout) {
            if (!call.awaitingDigits()) {
                return "calltest.unused.noMenu";
            }
            call.noDigits();
        } else if (input instanceof Input.CalledParty party) {
            if (state.dialled == null || state.answered) {
                return "calltest.unused.notRinging";
            }
            switch (party.does()) {
                case "answers" -> {
                    call.answer(setup.user() == null ? "" : setup.user(), state.dialled);
                    state.answered = true;
                }
                case "voicemail" -> {
                    call.answer("", state.dialled); // sipgate leaves the user empty when a voicemail answers
                    state.answered = true;
                }
                default -> call.hangup(party.does());
            }
        } else if (input instanceof Input.CallerHangsUp) {
            call.hangup(state.answered ? "normalClearing" : "cancel");
        }
        return null;
    }

    /** Adds what the caller experienced at this step, and what the engine reported for it. */
    private void absorb(SimulatedCall call, Step step, CallRun run, CallState state) {
        boolean answerCounts = "newCall".equals(step.event()) || "dtmf".equals(step.event());
        if (answerCounts && step.posted()) {
            if (!step.answered()) {
                run.experiences.add(new Experience.ServerError(step.status()));
            } else if (step.response().getVerbs().isEmpty()) {
                run.experiences.add(new Experience.RoutedNormally());
            } else {
                for (Verb verb : step.response().getVerbs()) {
                    experience(verb, run.experiences, state);
                }
            }
        }
        List<RuntimeEvent.PushHandled> handled = events.get(call.callId());
        if (handled != null) {
            synchronized (handled) {
                for (RuntimeEvent.PushHandled push : handled) {
                    run.nodesEntered.addAll(push.nodesEntered());
                    run.outputsTaken.addAll(push.outputsTaken());
                    if (answerCounts) {
                        state.answeringNode = push.answeringNodeId();
                    }
                }
                handled.clear();
            }
        }
        if (hungUpByFlow.remove(call.callId())) {
            run.experiences.add(new Experience.Ends("hungUpByFlow"));
        }
    }

    /**
     * What a caller experienced, as recorded answers tell it: the XML answered to each newCall and dtmf push, in
     * order (an answer that cannot be read counts as routed normally, as sipgate treats it).
     */
    static List<Experience> experiencesOf(List<String> answers) {
        List<Experience> out = new ArrayList<>();
        CallState state = new CallState();
        for (String xml : answers) {
            org.switchboard.engine.sipgate.xml.Response response;
            try {
                response = org.switchboard.engine.sipgate.xml.SipgateXml.read(xml);
            } catch (RuntimeException e) {
                response = null;
            }
            if (response == null || response.getVerbs().isEmpty()) {
                out.add(new Experience.RoutedNormally());
            } else {
                for (Verb verb : response.getVerbs()) {
                    experience(verb, out, state, TestCallRunner::recordedSound);
                }
            }
        }
        return out;
    }

    /** A sound of the flow's own folder as a test names it, whichever server's address the recorded answer had. */
    private static String recordedSound(String url) {
        java.util.regex.Matcher m = LOCAL_SOUND.matcher(url == null ? "" : url);
        return m.find() ? org.switchboard.engine.flow.SoundRef.FOLDER + "/" + m.group(1) : url;
    }

    private void experience(Verb verb, List<Experience> out, CallState state) {
        experience(verb, out, state, this::soundName);
    }

    private static void experience(Verb verb, List<Experience> out, CallState state,
                                   java.util.function.UnaryOperator<String> soundName) {
        if (verb instanceof Play play) {
            out.add(new Experience.Hears(soundName.apply(play.getUrl())));
        } else if (verb instanceof Gather gather) {
            if (gather.getPlay() != null && gather.getPlay().getUrl() != null) {
                out.add(new Experience.Hears(soundName.apply(gather.getPlay().getUrl())));
            }
            int digits = gather.getMaxDigits() == null ? 1 : gather.getMaxDigits();
            int millis = gather.getTimeout() == null ? 2000 : gather.getTimeout();
            state.maxDigits = digits;
            out.add(new Experience.MayPress(digits, millis / 1000.0));
        } else if (verb instanceof Dial dial) {
            if (dial.isVoicemail()) {
                out.add(new Experience.Voicemail());
                state.dialled = "voicemail";
            } else {
                List<String> numbers = dial.getNumbers().stream().map(TestCallRunner::shownNumber).toList();
                out.add(new Experience.ConnectedTo(numbers,
                        dial.getCallerId() == null ? null : shownNumber(dial.getCallerId()),
                        Boolean.TRUE.equals(dial.getAnonymous())));
                state.dialled = dial.getNumbers().isEmpty() ? "" : dial.getNumbers().get(0);
            }
        } else if (verb instanceof Reject reject) {
            out.add(new Experience.Ends("busy".equals(reject.getReason()) ? "busy" : "rejected"));
            state.flowEnded = true;
        } else if (verb instanceof Hangup) {
            out.add(new Experience.Ends("hungUp"));
            state.flowEnded = true;
        }
    }

    /** A number as tests write it: {@code +} and its E.164 digits when it is one, else as typed. */
    static String shownNumber(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = PhoneNumbers.toE164Digits(typed.startsWith("+") || typed.startsWith("00") ? typed
                : "+" + typed.trim());
        return digits == null ? typed.trim() : "+" + digits;
    }

    /** The first difference between what was expected and what happened, in plain words; null when none. */
    static String firstDifference(List<Experience> expected, List<Experience> actual, Messages m) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            if (i >= actual.size()) {
                return m.get("calltest.diff.missing", i + 1, expected.get(i).expected(m));
            }
            if (i >= expected.size()) {
                return m.get("calltest.diff.extra", i + 1, actual.get(i).happened(m));
            }
            if (!expected.get(i).equals(actual.get(i))) {
                return m.get("calltest.diff.mismatch", i + 1, expected.get(i).expected(m), actual.get(i).happened(m));
            }
        }
        return null;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        server.close();
        engine.close();
    }
}
