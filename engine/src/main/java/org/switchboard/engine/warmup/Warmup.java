package org.switchboard.engine.warmup;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.util.Jetty;
import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.runtime.PushOutcome;
import org.switchboard.engine.server.ServerOptions;
import org.switchboard.engine.server.SwitchboardServer;
import org.switchboard.engine.sipgate.BadPushException;
import org.switchboard.engine.sipgate.PushParser;
import org.switchboard.engine.sipgate.xml.Response;
import org.switchboard.engine.sipgate.xml.SipgateXml;

/**
 * The one place for start-up work done ahead of time: the mains call it first thing, so that the one-time
 * initialisation of Jetty, the push path and the flow reader overlaps with what they do next (parsing the command
 * line, starting JavaFX) instead of adding to the time until the first answer or the first frame. Nothing here is
 * needed for correctness: what a warm-up has not finished, the first real user does as before, and a failure is
 * left to that user to report. See docs/benchmarks.md ("Kept from the work on start-up").
 */
public final class Warmup {

    /**
     * Jetty's system property for how many references share a cache line. When it is unset, Jetty's
     * {@code MemoryUtils} starts the whole platform MBean server (JMX) to ask whether compressed oops are on, which
     * took about a fifth of a second of the cold start. It only spaces out slots of Jetty's thread pool queue against
     * false sharing: 16 (64-byte lines of 4-byte references) is what Jetty finds with compressed oops, and with
     * 8-byte references it merely pads more than needed.
     */
    public static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private static final String WARM_FLOW = "{\"formatVersion\":1,\"nodes\":[{\"id\":\"a\",\"type\":\"incomingCall\","
            + "\"x\":0,\"y\":0,\"properties\":{\"path\":\"/warm\"}},{\"id\":\"b\",\"type\":\"hangup\",\"x\":0,"
            + "\"y\":0,\"properties\":{}}],\"wires\":[{\"from\":\"a\",\"port\":\"call\",\"to\":\"b\"}]}";
    private static final byte[] WARM_PUSH = "event=newCall&direction=in&from=491&to=492&callId=warmup"
            .getBytes(StandardCharsets.US_ASCII);

    private Warmup() {
    }

    /**
     * Sets Jetty's cache-line property (unless the user set it); must run before any Jetty class initialises,
     * so a main calls it first.
     */
    public static void configureJetty() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    /**
     * For {@code switchboard-engine run}: configures Jetty, then on a daemon thread initialises Jetty's slowest
     * static state (its MIME table walks every installed locale, its version formats a build date), builds a server
     * that is never started (nothing is bound) and runs one push through a throwaway engine (the parser, the runtime,
     * the token generator's first draw, the answer writer).
     */
    public static void serverInBackground() {
        configureJetty();
        inBackground("switchboard-warmup", () -> server());
    }

    /**
     * For {@code switchboard-engine test}: what {@link #serverInBackground} does, then the warm answer is read back
     * as the simulator reads every answer. Only the simulator's side reads sipgate XML (the server writes it without
     * JAXB), so JAXB's context (about 0.15 s of a cold start) would otherwise be built by the first test call while
     * the others wait for it.
     */
    public static void testCallsInBackground() {
        configureJetty();
        inBackground("switchboard-warmup", Warmup::testCalls);
    }

    /** The work of {@link #testCallsInBackground}, on the calling thread: the warm answer as the simulator reads it. */
    static Response testCalls() {
        return SipgateXml.read(server().xml());
    }

    /** For the desktop editor: the node-type registry and the flow file reader (Jackson), on the calling thread. */
    public static void editor() {
        configureJetty(); // the editor may start a server later (live mode); no Jetty class has been touched yet
        NodeTypes.standard();
        try {
            FlowFiles.fromJson(WARM_FLOW);
        } catch (FlowFileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server part of {@link #serverInBackground}, on the calling thread; the warm push's outcome. */
    static PushOutcome server() {
        MimeTypes.DEFAULTS.getMimeByExtension("xml");
        Jetty.VERSION.length(); // reads and formats Jetty's build time stamp for the start-up log line
        InetAddress.getLoopbackAddress();
        try (FlowEngine engine = new FlowEngine(EngineOptions.defaults("http://127.0.0.1"));
             SwitchboardServer unstarted = new SwitchboardServer(ServerOptions.defaults(), engine)) {
            engine.deploy(FlowFiles.fromJson(WARM_FLOW));
            return engine.webhook("/warm", PushParser.parse(WARM_PUSH, "application/x-www-form-urlencoded"));
        } catch (FlowFileException | BadPushException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inBackground(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError ignored) {
                // the real start does the same work and reports it
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
