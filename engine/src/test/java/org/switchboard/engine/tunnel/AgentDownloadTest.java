package org.switchboard.engine.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent is fetched through java-ngrok's installer from a stand-in download server on 127.0.0.1. */
class AgentDownloadTest {

    private static final String TOKEN = "2abcFAKEauthtoken_0123456789abcdefXYZ";

    @TempDir
    Path dir;

    @Test
    void aMissingAgentIsDownloadedWithProgressAndThenRuns() throws Exception {
        Path script = FakeAgent.script(dir.resolve("src"));
        List<long[]> progress = new CopyOnWriteArrayList<>();
        try (AgentMirror mirror = new AgentMirror(script)) {
            NgrokOptions options = NgrokOptions.defaults(dir.resolve("state")).withAuthtoken(TOKEN)
                    .withSearchPath(dir.resolve("empty").toString(), true).withStartupTimeout(10);
            NgrokTunnel tunnel = new NgrokTunnel(options,
                    new AgentDownload(mirror.url(), (done, total) -> progress.add(new long[] {done, total})));
            try {
                String url = tunnel.open(8125);
                assertTrue(url.startsWith("https://fake-"), url);
            } finally {
                tunnel.close();
            }
            assertEquals(1, mirror.requests());
            long[] last = progress.get(progress.size() - 1);
            assertEquals(mirror.size(), last[0]);
            assertEquals(mirror.size(), last[1]);
            assertTrue(progress.size() > 3, "progress in steps: " + progress.size());
            Path agent = dir.resolve("state/ngrok-agent/ngrok");
            assertTrue(Files.isExecutable(agent));
            assertFalse(Files.exists(dir.resolve("state/ngrok-agent/ngrok.zip.part")));

            // the next time the downloaded agent is used as it is
            NgrokTunnel again = new NgrokTunnel(options, new AgentDownload(mirror.url(), null));
            try {
                again.open(8125);
            } finally {
                again.close();
            }
            assertEquals(1, mirror.requests());
        }
    }

    @Test
    void aBlockedOrCancelledDownloadIsExplained() throws Exception {
        Path script = FakeAgent.script(dir.resolve("src"));
        try (AgentMirror mirror = new AgentMirror(script)) {
            NgrokOptions options = NgrokOptions.defaults(dir.resolve("state")).withAuthtoken(TOKEN)
                    .withSearchPath("", true).withStartupTimeout(10);
            mirror.refuseWith(403);
            TunnelException blocked = assertThrows(TunnelException.class,
                    () -> new NgrokTunnel(options, new AgentDownload(mirror.url(), null)).open(8125));
            assertEquals(TunnelProblem.DOWNLOAD_BLOCKED, blocked.problem());
            assertTrue(blocked.getMessage().startsWith("The ngrok agent could not be downloaded."),
                    blocked.getMessage());

            mirror.refuseWith(0);
            mirror.slowDown(100);
            AgentDownload cancelling = new AgentDownload(mirror.url(), (done, total) -> {
                if (done > 20_000) {
                    holder[0].cancel(); // the user presses Cancel once some bytes arrived
                }
            });
            holder[0] = cancelling;
            TunnelException cancelled = assertThrows(TunnelException.class,
                    () -> new NgrokTunnel(options, cancelling).open(8125));
            assertEquals(TunnelProblem.DOWNLOAD_BLOCKED, cancelled.problem());
            assertTrue(cancelling.isCancelled());
            assertFalse(Files.exists(dir.resolve("state/ngrok-agent/ngrok")), "nothing half-downloaded is kept");
        }
    }

    private final AgentDownload[] holder = new AgentDownload[1];
}
