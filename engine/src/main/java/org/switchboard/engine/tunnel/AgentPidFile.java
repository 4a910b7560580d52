package org.switchboard.engine.tunnel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the ngrok agent this program started ({@code ngrok-agent.pid} in the state directory: pid, start time,
 * program), so that after a crash the next start can stop that agent, and nothing else: a process is only stopped
 * when its pid, start time and program all match what was written, so a reused pid is left alone.
 */
final class AgentPidFile {

    private static final Logger LOG = LoggerFactory.getLogger(AgentPidFile.class);

    private final Path file;

    AgentPidFile(Path stateDir) {
        this.file = stateDir.resolve("ngrok-agent.pid");
    }

    Path file() {
        return file;
    }

    /** Records {@code agent} (never its arguments, which carry the authtoken). */
    void remember(ProcessHandle agent) {
        ProcessHandle.Info info = agent.info();
        String start = info.startInstant().map(Instant::toString).orElse("");
        String command = info.command().orElse("");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, agent.pid() + "\n" + start + "\n" + command + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not write {}: {}", file, e.getMessage());
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    /** The remembered agent, if it is still running as the same process. */
    Optional<ProcessHandle> leftover() {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 3 || lines.get(1).isBlank() || lines.get(2).isBlank()) {
            return Optional.empty(); // without start time and program a pid alone could be anyone's
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String start = lines.get(1).strip();
        String command = lines.get(2).strip();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(Instant::toString).orElse("").equals(start))
                .filter(p -> p.info().command().orElse("").equals(command));
    }

    /**
     * Stops the agent a previous run started and left behind (SIGTERM, then a kill after 3 s), then forgets it.
     *
     * @return whether there was one to stop
     */
    boolean stopLeftover() {
        Optional<ProcessHandle> agent = leftover();
        agent.ifPresent(p -> {
            LOG.info("Stopping the ngrok agent (pid {}) left by an earlier run", p.pid());
            stop(p);
        });
        forget();
        return agent.isPresent();
    }

    static void stop(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
