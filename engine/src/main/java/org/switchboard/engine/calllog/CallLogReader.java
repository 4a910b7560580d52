package org.switchboard.engine.calllog;

import static org.switchboard.engine.calllog.CallLogFormat.JSON;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.switchboard.engine.files.AtomicFiles;

/**
 * Reads the call log back into calls. Tolerant: a line that is not a complete JSON object (the torn last line of a
 * killed process, or a damaged one) is skipped and counted, fields it does not know are ignored, and a missing file is
 * an empty log.
 */
public final class CallLogReader {

    private CallLogReader() {
    }

    /** The calls in the log, oldest first, and how many lines were skipped. */
    public record Result(List<LoggedCall> calls, int skippedLines) {
    }

    public static Result read(Path file) throws IOException {
        Parsed parsed = parse(file);
        List<LoggedCall> calls = new ArrayList<>();
        for (CallBuilder b : parsed.calls.values()) {
            calls.add(b.build());
        }
        return new Result(List.copyOf(calls), parsed.skipped);
    }

    /**
     * Removes calls that started before {@code now - maxAge} and the oldest beyond {@code maxCalls}, and lines that
     * cannot be read, rewriting the file atomically (owner-only) when anything goes. A missing file stays missing.
     */
    static void applyRetention(Path file, Retention retention, Instant now) throws IOException {
        Parsed parsed = parse(file);
        Instant oldest = now.minus(retention.maxAge());
        List<CallBuilder> kept = new ArrayList<>();
        for (CallBuilder b : parsed.calls.values()) {
            if (!b.start().isBefore(oldest)) {
                kept.add(b);
            }
        }
        kept.sort(Comparator.comparing((CallBuilder b) -> b.start()));
        if (kept.size() > retention.maxCalls()) {
            kept = kept.subList(kept.size() - retention.maxCalls(), kept.size());
        }
        if (kept.size() == parsed.calls.size() && parsed.skipped == 0) {
            return;
        }
        Set<String> keep = new HashSet<>();
        kept.forEach(b -> keep.add(b.callId()));
        StringBuilder text = new StringBuilder();
        for (String line : parsed.lines) {
            if (keep.contains(parsed.callIdOf.get(line))) {
                text.append(line).append('\n');
            }
        }
        AtomicFiles.writePrivate(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static final class Parsed {
        final Map<String, CallBuilder> calls = new LinkedHashMap<>();
        final List<String> lines = new ArrayList<>();
        final Map<String, String> callIdOf = new java.util.IdentityHashMap<>();
        int skipped;
    }

    private static Parsed parse(Path file) throws IOException {
        Parsed parsed = new Parsed();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (!take(parsed, line)) {
                    parsed.skipped++;
                }
            }
        } catch (NoSuchFileException e) {
            return parsed;
        } catch (IOException e) {
            throw new IOException(file + " could not be read as a call log: " + AtomicFiles.reason(e), e);
        } catch (UncheckedIOException e) {
            throw new IOException(file + " could not be read as a call log: " + AtomicFiles.reason(e.getCause()), e);
        }
        return parsed;
    }

    private static boolean take(Parsed parsed, String line) {
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return false;
        }
        CallBuilder.Applied applied = CallBuilder.apply(parsed.calls, json);
        if (applied == CallBuilder.Applied.UNREADABLE) {
            return false;
        }
        if (applied == CallBuilder.Applied.KEPT) {
            parsed.lines.add(line);
            parsed.callIdOf.put(line, json.path(CallLogFormat.CALL_ID).asText(""));
        }
        return true;
    }
}
