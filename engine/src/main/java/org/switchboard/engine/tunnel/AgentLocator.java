package org.switchboard.engine.tunnel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the ngrok agent: the configured path, else {@code ngrok} on the PATH, else (only if neither, and only when
 * allowed) a copy downloaded once into the state directory.
 */
final class AgentLocator {

    /** Fetches the agent into {@code target}; java-ngrok's installer in production. */
    @FunctionalInterface
    interface Downloader {
        void download(Path target);
    }

    private AgentLocator() {
    }

    static Path locate(NgrokOptions options, Downloader downloader) throws TunnelException {
        if (options.agentPath() != null) {
            Path path = options.agentPath();
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw TunnelException.of(TunnelProblem.AGENT_NOT_FOUND, "no program at " + path);
            }
            return path;
        }
        Optional<Path> onPath = onPath(options.searchPath());
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path downloaded = options.stateDir().resolve("ngrok-agent").resolve(executableName());
        if (Files.isRegularFile(downloaded) && Files.isExecutable(downloaded)) {
            return downloaded;
        }
        if (!options.allowDownload() || downloader == null) {
            throw TunnelException.of(TunnelProblem.AGENT_NOT_FOUND, "not on the PATH");
        }
        try {
            Files.createDirectories(downloaded.getParent());
            downloader.download(downloaded);
        } catch (Exception e) {
            throw TunnelException.of(TunnelProblem.DOWNLOAD_BLOCKED, oneLine(e));
        }
        if (!Files.isRegularFile(downloaded)) {
            throw TunnelException.of(TunnelProblem.DOWNLOAD_BLOCKED, "nothing was saved");
        }
        return downloaded;
    }

    static Optional<Path> onPath(String searchPath) {
        if (searchPath == null || searchPath.isBlank()) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(executableName());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String executableName() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "ngrok.exe" : "ngrok";
    }

    private static String oneLine(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = text.strip().split("\\R", 2)[0];
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }
}
