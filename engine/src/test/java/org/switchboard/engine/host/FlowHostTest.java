package org.switchboard.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.runtime.RuntimeEvent;
import org.switchboard.engine.server.FamilyMenu;
import org.switchboard.engine.server.RawHttp;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.SignatureVerifier;
import org.switchboard.engine.tunnel.Tunnel;
import org.switchboard.engine.tunnel.TunnelStatus;

/** The host over real loopback HTTP: serving, deploying with versioned calls, events, states, a taken port, close. */
class FlowHostTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern ON_DATA = Pattern.compile("onData=\"[^\"]*(/cb/[^\"]+)\"");

    @TempDir
    Path dir;

    private HostOptions options(int port) {
        return HostOptions.onPort(port).withSecrets(new SecretStore(dir.resolve("secrets.json")));
    }

    private static String newCall(String id) {
        return "event=newCall&direction=in&from=4930123456&to=4930654321&callId=" + id;
    }

    private static String callback(RawHttp.Answer answer) {
        Matcher m = ON_DATA.matcher(answer.body());
        assertTrue(m.find(), answer.body());
        return m.group(1);
    }

    /** The family menu with "1" ringing Ben instead of Anna. */
    private static Flow oneRingsBen() {
        Flow f = FamilyMenu.flow();
        return f.withoutWires(List.of(new Wire("choice", "1", "anna"))).withWire(new Wire("choice", "1", "ben"));
    }

    /** The call log's retention comes with the options (the app's setting), not always the default. */
    @Test
    void theCallLogKeepsWhatTheOptionsRetentionSays(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls.jsonl");
        StringBuilder lines = new StringBuilder();
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < 3; i++) {
            lines.append("{\"type\":\"push\",\"time\":\"").append(now.minusSeconds(60L * (3 - i)))
                    .append("\",\"callId\":\"old").append(i).append("\",\"event\":\"newCall\",\"fields\":{}}\n");
        }
        java.nio.file.Files.writeString(log, lines);
        try (FlowHost host = FlowHost.start(HostOptions.onPort(0).withCallLog(log,
                new org.switchboard.engine.calllog.Retention(java.time.Duration.ofDays(1), 2)), FamilyMenu.flow(),
                null)) {
            assertEquals(List.of("old1", "old2"), org.switchboard.engine.calllog.CallLogReader.read(log).calls()
                    .stream().map(org.switchboard.engine.calllog.LoggedCall::callId).toList());
        }
    }

    @Test
    void servesDeploysAndCallsInProgressKeepTheirVersion() throws Exception {
        List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
        List<HostStatus.State> states = new CopyOnWriteArrayList<>();
        FlowHost host = FlowHost.begin(options(0));
        host.addListener(events::add);
        host.addStatusListener(s -> states.add(s.state()));
        assertEquals(HostStatus.State.STARTING, host.status().state());
        host.deploy(FamilyMenu.flow(), null);
        host.serve();
        try {
            int port = host.port();
            assertTrue(port > 0);
            assertEquals(HostStatus.running(port), host.status());
            assertEquals("http://127.0.0.1:" + port, host.localUrl());
            assertEquals(List.of("http://127.0.0.1:" + port + FamilyMenu.PATH), host.webhookUrls());

            RawHttp.Answer first = RawHttp.post(host.localUrl(), FamilyMenu.PATH, FORM, newCall("old"));
            assertEquals(200, first.status());
            assertTrue(first.body().contains("<Gather"), first.body());
            host.deploy(oneRingsBen(), null);
            RawHttp.Answer second = RawHttp.post(host.localUrl(), FamilyMenu.PATH, FORM, newCall("new"));

            String oldDigits = RawHttp.post(host.localUrl(), callback(first), FORM, "event=dtmf&callId=old&dtmf=1")
                    .body();
            assertTrue(oldDigits.contains(FamilyMenu.ANNA), "the call that began before keeps its version: "
                    + oldDigits);
            String newDigits = RawHttp.post(host.localUrl(), callback(second), FORM, "event=dtmf&callId=new&dtmf=1")
                    .body();
            assertTrue(newDigits.contains(FamilyMenu.BEN), "a new call gets the new version: " + newDigits);
            assertEquals(oneRingsBen(), host.deployedFlow());
            assertEquals(4, events.stream().filter(e -> e instanceof RuntimeEvent.PushHandled).count(),
                    () -> events.toString());
            assertEquals(404, RawHttp.exchange(host.localUrl(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                    .status());
        } finally {
            host.close();
        }
        assertEquals(List.of(HostStatus.State.RUNNING, HostStatus.State.STOPPED), states);
        assertTrue(host.isClosed());
        host.close(); // twice is harmless
    }

    @Test
    void aTakenPortIsSaidPlainlyAndAFreeOneIsOffered() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertFalse(Ports.isFree("127.0.0.1", port));
            HostException e = assertThrows(HostException.class,
                    () -> FlowHost.start(options(port), FamilyMenu.flow(), null));
            assertTrue(e.portInUse());
            assertEquals("Cannot listen on 127.0.0.1:" + port + ": the address is in use or not available",
                    e.getMessage());
            int offered = Ports.freeNear("127.0.0.1", port);
            assertTrue(offered > 0 && offered != port);
            assertTrue(Ports.isFree("127.0.0.1", offered));
        }
    }

    @Test
    void closeFreesThePortAndAStartedHostServesAtOnce() throws Exception {
        FlowHost host = FlowHost.start(options(0), FamilyMenu.flow(), null);
        int port = host.port();
        assertFalse(Ports.isFree("127.0.0.1", port));
        assertEquals(200, RawHttp.post(host.localUrl(), FamilyMenu.PATH, FORM, newCall("x")).status());
        host.close();
        assertTrue(Ports.isFree("127.0.0.1", port), "the port is free after close");
        assertEquals(HostStatus.stopped(), host.status());
        assertThrows(IOException.class, () -> RawHttp.post("http://127.0.0.1:" + port, FamilyMenu.PATH, FORM,
                newCall("y")));
    }

    @Test
    void theSignatureCheckCanBeSwitchedOnWhileServing() throws Exception {
        try (FlowHost host = FlowHost.start(options(0), FamilyMenu.flow(), null)) {
            assertFalse(host.verifiesSignatures());
            assertEquals(200, RawHttp.post(host.localUrl(), FamilyMenu.PATH, FORM, newCall("s1")).status());
            host.setSignatureCheck(SignatureVerifier.bundled());
            assertTrue(host.verifiesSignatures());
            RawHttp.Answer unsigned = RawHttp.post(host.localUrl(), FamilyMenu.PATH, FORM, newCall("s2"));
            assertEquals(403, unsigned.status(), unsigned.body());
            host.setSignatureCheck(null);
            assertEquals(200, RawHttp.post(host.localUrl(), FamilyMenu.PATH, FORM, newCall("s3")).status());
        }
    }

    @Test
    void aBaseUrlGivenIsUsedForCallbacks() throws Exception {
        try (FlowHost host = FlowHost.start(options(0).withBaseUrl("https://example.org/"), FamilyMenu.flow(),
                null)) {
            assertEquals("https://example.org", host.baseUrl());
            RawHttp.Answer call = RawHttp.post(host.localUrl(), FamilyMenu.PATH, FORM, newCall("b"));
            assertTrue(call.body().contains("onData=\"https://example.org/cb/"), call.body());
        }
    }

    /** A tunnel in this process: opens at once and lets the test report what a real agent would. */
    private static final class HandTunnel implements Tunnel {
        final List<Consumer<TunnelStatus>> listeners = new CopyOnWriteArrayList<>();
        volatile int openedTo = -1;
        volatile boolean closed;

        @Override
        public String open(int localPort) {
            openedTo = localPort;
            return "https://abc.example";
        }

        @Override
        public TunnelStatus status() {
            return new TunnelStatus.Online("https://abc.example");
        }

        @Override
        public void addListener(Consumer<TunnelStatus> listener) {
            listeners.add(listener);
        }

        void report(TunnelStatus s) {
            listeners.forEach(l -> l.accept(s));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void goingOnlineFollowsTheTunnelAndGoingOfflineGoesBackToTheLocalUrl() throws Exception {
        HandTunnel tunnel = new HandTunnel();
        List<String> said = new CopyOnWriteArrayList<>();
        try (FlowHost host = FlowHost.start(options(0), FamilyMenu.flow(), null)) {
            assertEquals("https://abc.example", host.goOnline(tunnel, said::add));
            assertEquals(host.port(), tunnel.openedTo);
            assertEquals(HostStatus.online(host.port(), "https://abc.example"), host.status());
            assertEquals(List.of("https://abc.example" + FamilyMenu.PATH), host.webhookUrls());
            tunnel.report(new TunnelStatus.Reconnecting(1, "connection lost"));
            assertEquals(HostStatus.reconnecting(host.port(), "https://abc.example", "connection lost"),
                    host.status());
            tunnel.report(new TunnelStatus.Online("https://abc.example"));
            assertEquals(HostStatus.State.ONLINE, host.status().state());
            assertThrows(HostException.class, () -> host.goOnline(new HandTunnel(), null), "one tunnel at a time");
            host.goOffline();
            assertTrue(tunnel.closed);
            assertEquals(HostStatus.running(host.port()), host.status());
            assertEquals(host.localUrl(), host.baseUrl());
            assertTrue(said.contains("Tunnel reconnecting (attempt 1): connection lost"), said.toString());
        }
    }
}
