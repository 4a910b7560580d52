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
import java.time.format.DateTimeParseException;
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
        for (Builder b : parsed.calls.values()) {
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
        List<Builder> kept = new ArrayList<>();
        for (Builder b : parsed.calls.values()) {
            if (!b.start.isBefore(oldest)) {
                kept.add(b);
            }
        }
        kept.sort(Comparator.comparing((Builder b) -> b.start));
        if (kept.size() > retention.maxCalls()) {
            kept = kept.subList(kept.size() - retention.maxCalls(), kept.size());
        }
        if (kept.size() == parsed.calls.size() && parsed.skipped == 0) {
            return;
        }
        Set<String> keep = new HashSet<>();
        kept.forEach(b -> keep.add(b.callId));
        StringBuilder text = new StringBuilder();
        for (String line : parsed.lines) {
            if (keep.contains(parsed.callIdOf.get(line))) {
                text.append(line).append('\n');
            }
        }
        AtomicFiles.writePrivate(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static final class Parsed {
        final Map<String, Builder> calls = new LinkedHashMap<>();
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
        if (json == null || !json.isObject()) {
            return false;
        }
        String callId = json.path(CallLogFormat.CALL_ID).asText("");
        Instant time;
        try {
            time = Instant.parse(json.path(CallLogFormat.TIME).asText(""));
        } catch (DateTimeParseException e) {
            return false;
        }
        String type = json.path(CallLogFormat.TYPE).asText("");
        Builder call = parsed.calls.get(callId);
        if (CallLogFormat.PUSH.equals(type)) {
            if (call == null) {
                call = new Builder(callId, time);
                parsed.calls.put(callId, call);
            }
            call.push(json, time);
        } else if (CallLogFormat.END.equals(type)) {
            if (call == null) {
                return false; // an end without its call: nothing to rebuild
            }
            call.endCause = json.path(CallLogFormat.CAUSE).asText(null);
            call.end = time;
        } else if (call == null) {
            return true; // a line of a kind this version does not know, before its call: passed over
        } // else a line of a kind this version does not know: kept with its call, not shown
        parsed.lines.add(line);
        parsed.callIdOf.put(line, callId);
        return true;
    }

    private static final class Builder {
        final String callId;
        final Instant start;
        String from;
        String to;
        String direction;
        boolean answered;
        String endCause;
        Instant end;
        final List<LoggedCall.Step> path = new ArrayList<>();
        final List<LoggedCall.Push> pushes = new ArrayList<>();

        Builder(String callId, Instant start) {
            this.callId = callId;
            this.start = start;
        }

        void push(JsonNode json, Instant time) {
            String event = json.path(CallLogFormat.EVENT).asText("");
            Map<String, String> fields = new LinkedHashMap<>();
            json.path(CallLogFormat.FIELDS).fields().forEachRemaining(f -> fields.put(f.getKey(),
                    f.getValue().isArray() ? f.getValue().path(0).asText("") : f.getValue().asText("")));
            pushes.add(new LoggedCall.Push(event, time, fields, json.path(CallLogFormat.XML).asText(null)));
            if (from == null) {
                from = fields.get("from");
                to = fields.get("to");
                direction = fields.get("direction");
            }
            if ("answer".equals(event)) {
                answered = true;
            }
            String digits = fields.get("dtmf");
            if ("dtmf".equals(event) && digits != null && !path.isEmpty()) {
                String gatherer = json.path(CallLogFormat.OUTPUTS).path(0).path(CallLogFormat.NODE).asText(null);
                int at = path.size() - 1;
                for (int i = path.size() - 1; i >= 0 && gatherer != null; i--) {
                    if (gatherer.equals(path.get(i).nodeId())) {
                        at = i;
                        break;
                    }
                }
                path.set(at, new LoggedCall.Step(path.get(at).nodeId(), digits));
            }
            for (JsonNode node : json.path(CallLogFormat.NODES)) {
                path.add(new LoggedCall.Step(node.asText(""), null));
            }
        }

        LoggedCall build() {
            return new LoggedCall(callId, start, from, to, direction, path, answered, endCause, end, pushes);
        }
    }
}
