package org.switchboard.engine.calllog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.switchboard.engine.files.AtomicFiles;

/**
 * Reads the call log back into calls. Tolerant: a line that is not a complete JSON object (the torn last line of a
 * killed process, or a damaged one, or one that is not UTF-8) is skipped and counted, fields it does not know are
 * ignored, and a missing file is an empty log. Quick: lines are read as bytes by a streaming parser (no JSON tree),
 * on two threads for a large file, and {@link #readNewest} reads only the end of the file for the newest calls.
 */
public final class CallLogReader {

    private CallLogReader() {
    }

    /** The calls in the log, oldest first, and how many lines were skipped. */
    public record Result(List<LoggedCall> calls, int skippedLines) {
    }

    public static Result read(Path file) throws IOException {
        Parsed parsed = parse(file, false);
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
        Parsed parsed = parse(file, true);
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
        for (int i = 0; i < parsed.lines.size(); i++) {
            if (keep.contains(parsed.callIdOfLine.get(i))) {
                text.append(parsed.lines.get(i)).append('\n');
            }
        }
        AtomicFiles.writePrivate(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The newest calls of the log, newest first, reading the file backwards from its end: it stops once it has seen
     * {@code count} calls start (their {@code newCall} push) or reached the file's start. Quick however long the
     * log is. Only calls whose {@code newCall} push lies in the part read are given (all their later lines are there
     * too, so they are whole), or every call when the whole file was read; so a call whose first push is missing
     * (torn, damaged) comes only with {@link #read}, which is the full answer. Unreadable lines are passed over. It
     * also stops after {@code count * }{@value #LINES_PER_CALL} lines, giving the calls that started in them.
     */
    public static List<LoggedCall> readNewest(Path file, int count) throws IOException {
        List<CallLogLine> newestFirst = new ArrayList<>();
        Set<String> started = new HashSet<>();
        boolean[] whole = {true};
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int maxLines = count * LINES_PER_CALL;
            CallLogLines.backward(in, (bytes, offset, length) -> {
                if (started.size() >= count || newestFirst.size() >= maxLines) {
                    whole[0] = false;
                    return false;
                }
                CallLogLine line = CallLogLine.parse(bytes, offset, length);
                if (line != null) {
                    newestFirst.add(line);
                    if (CallLogFormat.PUSH.equals(line.type()) && NEW_CALL.equals(line.event())) {
                        started.add(line.callId());
                    }
                }
                return true;
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IOException(file + " could not be read as a call log: " + AtomicFiles.reason(e), e);
        }
        Map<String, CallBuilder> calls = new LinkedHashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            CallLogLine line = newestFirst.get(i);
            if (whole[0] || started.contains(line.callId())) {
                CallBuilder.apply(calls, line);
            }
        }
        List<LoggedCall> out = new ArrayList<>(calls.size());
        for (CallBuilder b : calls.values()) {
            out.add(b.build());
        }
        out.sort(Comparator.comparing(LoggedCall::start).reversed());
        return out;
    }

    private static final String NEW_CALL = "newCall";
    /**
     * How many lines a call may have on average before {@link #readNewest} stops early (calls with runaway pushes, or
     * a log without {@code newCall} lines): it keeps the lines it has read, so this bounds its memory.
     */
    static final int LINES_PER_CALL = 200;

    private static final class Parsed {
        final Map<String, CallBuilder> calls = new LinkedHashMap<>();
        final List<String> lines = new ArrayList<>();
        final List<String> callIdOfLine = new ArrayList<>();
        int skipped;
    }

    /** Lines in a block below which parsing it on two threads does not pay. */
    private static final int PARALLEL_LINES = 256;

    /**
     * Reads the file front to back in blocks; the lines of a large block are parsed on two threads (the JSON is
     * most of the work) and then applied in order. With {@code keepLines} the text of each line a call kept is
     * kept too (to rewrite the file).
     */
    private static Parsed parse(Path file, boolean keepLines) throws IOException {
        Parsed parsed = new Parsed();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            CallLogLines.forEachBlock(in, CallLogLines.BLOCK, (bytes, from, to) -> {
                int[] at = CallLogLines.split(bytes, from, to);
                int count = at.length / 2;
                CallLogLine[] read = new CallLogLine[count];
                if (count >= PARALLEL_LINES) {
                    int half = count / 2;
                    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> parseLines(bytes, at, 0, half,
                            read));
                    parseLines(bytes, at, half, count, read);
                    first.join();
                } else {
                    parseLines(bytes, at, 0, count, read);
                }
                for (int k = 0; k < count; k++) {
                    CallBuilder.Applied applied = CallBuilder.apply(parsed.calls, read[k]);
                    if (applied == CallBuilder.Applied.UNREADABLE) {
                        parsed.skipped++;
                    } else if (applied == CallBuilder.Applied.KEPT && keepLines) {
                        parsed.lines.add(new String(bytes, at[2 * k], at[2 * k + 1] - at[2 * k],
                                StandardCharsets.UTF_8));
                        parsed.callIdOfLine.add(read[k].callId());
                    }
                }
                return true;
            });
        } catch (NoSuchFileException e) {
            return parsed;
        } catch (IOException e) {
            throw new IOException(file + " could not be read as a call log: " + AtomicFiles.reason(e), e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return parsed;
    }

    private static void parseLines(byte[] bytes, int[] bounds, int from, int to, CallLogLine[] into) {
        for (int k = from; k < to; k++) {
            into[k] = CallLogLine.parse(bytes, bounds[2 * k], bounds[2 * k + 1] - bounds[2 * k]);
        }
    }
}
