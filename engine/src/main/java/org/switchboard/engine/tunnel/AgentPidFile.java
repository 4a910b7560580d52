package org.switchboard.engine.tunnel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the ngrok agent this program started, so that after a crash the next start can stop that agent, and
 * nothing else. Each running Switchboard process has its own file in the state directory,
 * {@code ngrok-agent-<its pid>.pid}, holding the agent's pid, start time and program and its own start time. A file
 * counts as left behind only when the process that wrote it is gone; its agent is then stopped only if pid, start
 * time and program all still match, so a reused pid is left alone, and so is the agent of another Switchboard that
 * is still running.
 */
final class AgentPidFile {

    private static final Logger LOG = LoggerFactory.getLogger(AgentPidFile.class);
    private static final String PREFIX = "ngrok-agent-";
    private static final String SUFFIX = ".pid";

    private final Path dir;
    private final long ownerPid;
    private final String ownerStart;

    /** The file of this process. */
    AgentPidFile(Path stateDir) {
        this(stateDir, ProcessHandle.current().pid(), startOf(ProcessHandle.current()));
    }

    /** The file of another owner (tests: an owner that is gone). */
    AgentPidFile(Path stateDir, long ownerPid, String ownerStart) {
        this.dir = stateDir;
        this.ownerPid = ownerPid;
        this.ownerStart = ownerStart;
    }

    Path file() {
        return dir.resolve(PREFIX + ownerPid + SUFFIX);
    }

    /** Records {@code agent} (never its arguments, which carry the authtoken). */
    void remember(ProcessHandle agent) {
        String command = agent.info().command().orElse("");
        try {
            Files.createDirectories(dir);
            Files.writeString(file(), agent.pid() + "\n" + startOf(agent) + "\n" + command + "\n" + ownerStart + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not write {}: {}", file(), e.getMessage());
        }
    }

    void forget() {
        delete(file());
    }

    /**
     * Stops every agent that a Switchboard process which is no longer running left behind (SIGTERM, then a kill
     * after 3 s), and forgets it.
     *
     * @return how many agents were stopped
     */
    int stopLeftovers() {
        return stopRecorded((file, lines) -> lines.size() < 4 || ownerIsRunning(file, lines.get(3).strip()),
                "left by an earlier run", "left-behind ngrok agents");
    }

    /**
     * Stops every recorded agent that still runs as the same process, whoever recorded it (this process, another
     * Switchboard still running, or one that is gone), and forgets it.
     *
     * @return how many agents were stopped
     */
    int stopAllRecorded() {
        return stopRecorded((file, lines) -> false, "that Switchboard started", "ngrok agents");
    }

    /**
     * Goes through the pid files, leaving those {@code leave} says; stops each other one's agent if it still runs as
     * the same process, and deletes the file.
     */
    private int stopRecorded(BiPredicate<Path, List<String>> leave, String whose, String lookingFor) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int stopped = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                List<String> lines = read(file);
                if (leave.test(file, lines)) {
                    continue;
                }
                Optional<ProcessHandle> agent = lines.size() < 4 ? Optional.empty() : sameProcess(lines);
                if (agent.isPresent()) {
                    LOG.info("Stopping the ngrok agent (pid {}) {}", agent.get().pid(), whose);
                    stop(agent.get());
                    stopped++;
                }
                delete(file);
            }
        } catch (IOException e) {
            LOG.warn("Could not look for {} in {}: {}", lookingFor, dir, e.getMessage());
        }
        return stopped;
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

    private boolean ownerIsRunning(Path file, String start) {
        String name = file.getFileName().toString();
        long pid;
        try {
            pid = Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it alone
        }
        if (pid == ProcessHandle.current().pid() && start.equals(startOf(ProcessHandle.current()))) {
            return false; // this very process wrote it and has not stopped that agent: it is left over
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> startOf(p).equals(start))
                .orElse(false);
    }

    /** The agent named by the file, if it is still running as the same process. */
    private static Optional<ProcessHandle> sameProcess(List<String> lines) {
        if (lines.get(1).isBlank() || lines.get(2).isBlank()) {
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
                .filter(p -> startOf(p).equals(start))
                .filter(p -> p.info().command().orElse("").equals(command));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }
}
