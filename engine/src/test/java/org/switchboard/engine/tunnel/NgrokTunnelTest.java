package org.switchboard.engine.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NgrokTunnel} through java-ngrok against the stand-in agent: up, down, every error class, agent killed. */
class NgrokTunnelTest {

    private static final String TOKEN = "2abcFAKEauthtoken_0123456789abcdefXYZ";

    @TempDir
    Path dir;

    private final List<TunnelStatus> events = new CopyOnWriteArrayList<>();
    private NgrokTunnel tunnel;

    @AfterEach
    void closeTunnel() {
        if (tunnel != null) {
            tunnel.close();
        }
    }

    private NgrokOptions options(Path agent) {
        return NgrokOptions.defaults(dir.resolve("state")).withAgentPath(agent).withAuthtoken(TOKEN)
                .withSearchPath("", false).withStartupTimeout(10);
    }

    private NgrokTunnel tunnel(NgrokOptions options) {
        tunnel = new NgrokTunnel(options, target -> {
            throw new AssertionError("a test must never download ngrok");
        });
        tunnel.addListener(events::add);
        return tunnel;
    }

    private Path record() {
        return dir.resolve("record.txt");
    }

    private String recorded() throws Exception {
        return Files.exists(record()) ? Files.readString(record(), StandardCharsets.UTF_8) : "";
    }

    @Test
    void opensAnHttpsTunnelToThePortAndClosesItAgain() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-record=" + record());
        String url = tunnel(options(agent).withRegion("eu")).open(8123);

        assertTrue(url.matches("https://fake-\\d+\\.ngrok-free\\.app"), url);
        assertEquals(new TunnelStatus.Online(url), tunnel.status());
        assertInstanceOf(TunnelStatus.Starting.class, events.get(0));
        String asked = recorded();
        assertTrue(asked.contains("start authtoken=present region=eu"), asked);
        assertTrue(asked.contains("tunnel addr=8123 domain=null proto=http schemes=https"), asked);

        long pid = tunnel.agentPid();
        Path pidFile = dir.resolve("state/ngrok-agent-" + ProcessHandle.current().pid() + ".pid");
        assertTrue(Files.readString(pidFile).startsWith(pid + "\n"));
        tunnel.close();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "agent still running");
        assertFalse(Files.exists(pidFile));
        assertInstanceOf(TunnelStatus.Offline.class, tunnel.status());
    }

    @Test
    void theAgentIsFoundOnThePath() throws Exception {
        Path bin = dir.resolve("bin");
        FakeAgent.script(bin);
        String url = tunnel(options(null).withSearchPath(dir.resolve("empty") + java.io.File.pathSeparator + bin,
                false)).open(8080);
        assertTrue(url.startsWith("https://"), url);
    }

    @Test
    void aReservedDomainGivesItsFixedUrl() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-reserved=my-name.ngrok-free.app");
        String url = tunnel(options(agent).withDomain("https://My-Name.ngrok-free.app/")).open(8080);
        assertEquals("https://my-name.ngrok-free.app", url);
    }

    @Test
    void aDomainNotReservedForTheAccountIsExplainedAndTheAgentStopped() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-reserved=mine.ngrok-free.app");
        TunnelException e = assertThrows(TunnelException.class,
                () -> tunnel(options(agent).withDomain("someone-else.ngrok-free.app")).open(8080));
        assertEquals(TunnelProblem.DOMAIN_NOT_RESERVED, e.problem());
        assertTrue(e.getMessage().contains("not reserved for your ngrok account"), e.getMessage());
        assertTrue(e.getMessage().contains("dashboard.ngrok.com/domains"), e.getMessage());
        assertNoAgentLeft();
        assertEquals(new TunnelStatus.Error(e.problem(), e.getMessage()), tunnel.status());
    }

    @Test
    void anInvalidAuthtokenIsExplainedWithoutQuotingIt() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-mode=authtoken-invalid");
        TunnelException e = assertThrows(TunnelException.class, () -> tunnel(options(agent)).open(8080));
        assertEquals(TunnelProblem.AUTHTOKEN_INVALID, e.problem());
        assertTrue(e.getMessage().contains("ERR_NGROK_105"), e.getMessage());
        assertTrue(e.getMessage().contains("your-authtoken"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        assertNoAgentLeft();
    }

    @Test
    void aMissingAuthtokenIsSaidBeforeStartingAnything() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-record=" + record());
        TunnelException e = assertThrows(TunnelException.class,
                () -> tunnel(options(agent).withAuthtoken(" ")).open(8080));
        assertEquals(TunnelProblem.AUTHTOKEN_MISSING, e.problem());
        assertTrue(e.getMessage().contains("NGROK_AUTHTOKEN"), e.getMessage());
        assertEquals("", recorded());
    }

    @Test
    void theSessionLimitIsExplained() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-mode=session-limit");
        TunnelException e = assertThrows(TunnelException.class, () -> tunnel(options(agent)).open(8080));
        assertEquals(TunnelProblem.SESSION_LIMIT, e.problem());
        assertTrue(e.getMessage().contains("Another ngrok agent is already online"), e.getMessage());
    }

    @Test
    void noInternetIsExplainedAfterTheStartupTimeout() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-mode=no-internet");
        TunnelException e = assertThrows(TunnelException.class,
                () -> tunnel(options(agent).withStartupTimeout(2)).open(8080));
        assertEquals(TunnelProblem.NO_INTERNET, e.problem());
        assertTrue(e.getMessage().contains("cannot reach ngrok's servers"), e.getMessage());
        assertNoAgentLeft();
    }

    @Test
    void aMissingAgentIsExplained() {
        TunnelException e = assertThrows(TunnelException.class,
                () -> tunnel(options(dir.resolve("nope/ngrok"))).open(8080));
        assertEquals(TunnelProblem.AGENT_NOT_FOUND, e.problem());
        assertTrue(e.getMessage().contains(dir.resolve("nope/ngrok").toString()), e.getMessage());
    }

    @Test
    void aDownloadedAgentIsUsedWhenNoneIsConfiguredOrOnThePath() throws Exception {
        Path state = dir.resolve("state");
        NgrokOptions options = options(null).withSearchPath(dir.resolve("empty").toString(), true);
        List<Path> downloads = new CopyOnWriteArrayList<>();
        tunnel = new NgrokTunnel(options, target -> {
            downloads.add(target);
            try { // stands for java-ngrok's installer: puts an agent at the target
                Files.copy(FakeAgent.script(dir.resolve("download")), target);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(tunnel.open(8080).startsWith("https://"));
        assertEquals(List.of(state.resolve("ngrok-agent/ngrok")), downloads);
        tunnel.close();
        assertTrue(tunnel.open(8080).startsWith("https://"));
        assertEquals(1, downloads.size(), "downloaded once, then reused");
    }

    @Test
    void aBlockedDownloadIsExplained() {
        NgrokOptions options = options(null).withSearchPath(dir.toString(), true);
        tunnel = new NgrokTunnel(options, target -> {
            throw new com.github.alexdlaird.exception.JavaNgrokInstallerException(
                    "An error occurred while downloading ngrok from https://bin.equinox.io/x.zip");
        });
        TunnelException e = assertThrows(TunnelException.class, () -> tunnel.open(8080));
        assertEquals(TunnelProblem.DOWNLOAD_BLOCKED, e.problem());
        assertTrue(e.getMessage().contains("https://ngrok.com/download"), e.getMessage());
    }

    @Test
    void aDroppedSessionShowsReconnectingThenOnlineAgain() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-drop-after=300");
        String url = tunnel(options(agent)).open(8080);
        awaitEvent(s -> s instanceof TunnelStatus.Reconnecting);
        TunnelStatus.Reconnecting r = (TunnelStatus.Reconnecting) events.stream()
                .filter(TunnelStatus.Reconnecting.class::isInstance).findFirst().orElseThrow();
        assertTrue(r.reason().contains("cannot reach ngrok's servers"), r.reason());
        awaitEvent(s -> events.lastIndexOf(new TunnelStatus.Online(url)) > events.indexOf(r));
    }

    @Test
    void anAgentThatExitsIsStartedAgainWithANewUrl() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-exit-after=300",
                "--fake-once=" + dir.resolve("crashed-once"));
        String first = tunnel(options(agent)).open(8080);
        long firstPid = tunnel.agentPid();
        awaitEvent(s -> s instanceof TunnelStatus.Online o && !o.url().equals(first));
        assertTrue(events.stream().anyMatch(s -> s instanceof TunnelStatus.Reconnecting), events::toString);
        assertNotEquals(firstPid, tunnel.agentPid());
    }

    @Test
    void aKilledAgentIsStartedAgain() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"));
        String first = tunnel(options(agent)).open(8080);
        ProcessHandle.of(tunnel.agentPid()).orElseThrow().destroyForcibly();
        awaitEvent(s -> s instanceof TunnelStatus.Online o && !o.url().equals(first));
        assertEquals(1, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count());
    }

    @Test
    void anAgentThatKeepsExitingEndsInAnError() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"), "--fake-exit-after=400");
        tunnel(options(agent)).open(8080);
        awaitEvent(s -> s instanceof TunnelStatus.Error, 40);
        TunnelStatus.Error error = (TunnelStatus.Error) tunnel.status();
        assertEquals(TunnelProblem.AGENT_EXITED, error.problem());
        assertTrue(error.message().contains("stopped unexpectedly"), error.message());
    }

    @Test
    void aLeftoverAgentFromACrashedRunIsStoppedAndNothingElse() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"));
        // an "earlier run" that died without closing its tunnel: its agent still runs, its pid file remains
        Process leftover = new ProcessBuilder(agent.toString(), "start", "--none", "--log", "stdout")
                .redirectErrorStream(true).start();
        leftover.getInputStream().read(); // it has printed: the script has become the agent's JVM
        new AgentPidFile(dir.resolve("state"), goneProcess(), "2026-12-01T10:00:00Z").remember(leftover.toHandle());
        // someone else's process whose pid was never ours
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            tunnel(options(agent)).open(8080);
            assertTrue(leftover.waitFor(5, TimeUnit.SECONDS), "the leftover agent was not stopped");
            assertTrue(stranger.isAlive());
            assertNotEquals(leftover.pid(), tunnel.agentPid());
        } finally {
            leftover.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    @Test
    void theAgentOfAnotherSwitchboardThatStillRunsIsLeftAlone() throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin"));
        Process otherAgent = new ProcessBuilder(agent.toString(), "start", "--none", "--log", "stdout")
                .redirectErrorStream(true).start();
        otherAgent.getInputStream().read();
        Process otherSwitchboard = new ProcessBuilder("sleep", "30").start();
        try {
            new AgentPidFile(dir.resolve("state"), otherSwitchboard.pid(),
                    otherSwitchboard.info().startInstant().orElseThrow().toString()).remember(otherAgent.toHandle());
            tunnel(options(agent)).open(8080);
            assertTrue(otherAgent.isAlive(), "the agent of a running Switchboard was stopped");
            assertTrue(Files.exists(dir.resolve("state/ngrok-agent-" + otherSwitchboard.pid() + ".pid")));
        } finally {
            otherAgent.destroyForcibly();
            otherSwitchboard.destroyForcibly();
        }
    }

    @Test
    void aPidFileThatNamesAnotherProgramIsIgnored() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            AgentPidFile pidFile = new AgentPidFile(dir, goneProcess(), "2026-12-01T10:00:00Z");
            Files.writeString(pidFile.file(), stranger.pid() + "\n" + stranger.info().startInstant().orElseThrow()
                    + "\n/usr/local/bin/ngrok\n2026-12-01T10:00:00Z\n");
            assertEquals(0, pidFile.stopLeftovers());
            assertTrue(stranger.isAlive());
            assertFalse(Files.exists(pidFile.file()), "the stale file is cleaned up");
        } finally {
            stranger.destroyForcibly();
        }
    }

    /** The pid of a process that has ended. */
    private static long goneProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }

    @Test
    void unknownRegionsAndBadDomainsAreRefusedUpFront() {
        NgrokOptions base = options(null);
        IllegalArgumentException region = assertThrows(IllegalArgumentException.class, () -> base.withRegion("mars"));
        assertTrue(region.getMessage().contains("us, us-cal-1, eu"), region.getMessage());
        assertThrows(IllegalArgumentException.class, () -> base.withDomain("not a domain"));
        assertFalse(base.withAuthtoken(TOKEN).toString().contains(TOKEN));
    }

    private void assertNoAgentLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(),
                "an agent process is still running");
    }

    private void awaitEvent(Predicate<TunnelStatus> wanted) throws InterruptedException {
        awaitEvent(wanted, 15);
    }

    private void awaitEvent(Predicate<TunnelStatus> wanted, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (events.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(events.stream().anyMatch(wanted), events::toString);
    }
}
