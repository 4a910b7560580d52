package org.switchboard.engine.calllog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the log as bytes: front to back on two threads, back to front for the newest calls, odd line breaks. */
class CallLogReadingTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    /** A call of newCall, dtmf and an end, its lines at minute {@code i}. */
    private static String call(int i, String xml) {
        String id = "c" + i;
        Instant t = T0.plusSeconds(i * 60L);
        return "{\"type\":\"push\",\"time\":\"" + t + "\",\"callId\":\"" + id + "\",\"event\":\"newCall\","
                + "\"fields\":{\"from\":[\"49301" + i + "\"],\"to\":[\"4921100\"],\"direction\":[\"in\"]},"
                + "\"nodes\":[\"in\",\"menu\"],\"outputs\":[{\"node\":\"in\",\"port\":\"call\"}],"
                + "\"answeredBy\":\"menu\",\"xml\":\"" + xml + "\",\"notes\":[],\"micros\":300}\n"
                + "{\"type\":\"push\",\"time\":\"" + t.plusMillis(4500) + "\",\"callId\":\"" + id + "\","
                + "\"event\":\"dtmf\",\"fields\":{\"dtmf\":[\"2\"]},\"nodes\":[\"ben\"],"
                + "\"outputs\":[{\"node\":\"menu\",\"port\":\"digits\"}],\"answeredBy\":\"ben\",\"xml\":null,"
                + "\"notes\":[\"n\"],\"micros\":500}\n"
                + "{\"type\":\"end\",\"time\":\"" + t.plusSeconds(30) + "\",\"callId\":\"" + id
                + "\",\"cause\":\"busy\"}\n";
    }

    private static String calls(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(call(i, "<Response/>"));
        }
        return out.toString();
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> ids(List<LoggedCall> calls) {
        return calls.stream().map(LoggedCall::callId).toList();
    }

    @Test
    void theNewestCallsComeNewestFirstAndWholeFromTheEndOfTheFile() throws Exception {
        // the lines of calls interleave: c1 is still going when c2..c4 start
        String text = calls(0, 1) + "{\"type\":\"push\",\"time\":\"" + T0.plusSeconds(60) + "\",\"callId\":\"long\","
                + "\"event\":\"newCall\",\"fields\":{\"from\":[\"4930999\"]},\"nodes\":[\"in\"]}\n"
                + calls(2, 400)
                + "{\"type\":\"end\",\"time\":\"" + T0.plusSeconds(400 * 60) + "\",\"callId\":\"long\","
                + "\"cause\":\"normalClearing\"}\n";
        Path file = write(text);
        List<LoggedCall> all = CallLogReader.read(file).calls();
        assertEquals(400, all.size());

        List<LoggedCall> newest = CallLogReader.readNewest(file, 50);
        assertTrue(newest.size() >= 50 && newest.size() < 400, "read only the end: " + newest.size());
        List<String> expected = new ArrayList<>();
        for (int i = 399; i >= 400 - newest.size(); i--) {
            expected.add("c" + i);
        }
        assertEquals(expected, ids(newest), "newest first, and not the long call whose start lies before");
        for (LoggedCall c : newest) {
            assertEquals(all.stream().filter(a -> a.callId().equals(c.callId())).findFirst().orElseThrow(), c,
                    "a newest call is whole, as the full read makes it");
        }
        List<LoggedCall> everything = CallLogReader.readNewest(file, 10_000);
        assertEquals(400, everything.size(), "the whole file read: every call, also one without its start");
        List<LoggedCall> byStart = new ArrayList<>(all);
        byStart.sort((a, b) -> b.start().compareTo(a.start()));
        assertEquals(byStart, everything);
    }

    @Test
    void readingBackwardsStopsAfterSoManyLinesACall() throws Exception {
        StringBuilder text = new StringBuilder(call(0, "<Response/>"));
        String dtmf = call(1, "<Response/>").lines().skip(1).findFirst().orElseThrow().replace("\"c1\"", "\"c0\"");
        for (int i = 0; i < CallLogReader.LINES_PER_CALL * 2; i++) {
            text.append(dtmf).append('\n'); // a runaway call: its start is far from the end of the file
        }
        Path file = write(text.toString());
        assertEquals(List.of(), CallLogReader.readNewest(file, 1), "stopped before the call's start");
        assertEquals(List.of("c0"), ids(CallLogReader.readNewest(file, 3)), "reached the start: the whole file");
        assertEquals(CallLogReader.LINES_PER_CALL * 2 + 2, CallLogReader.read(file).calls().get(0).pushes().size());
    }

    @Test
    void aTornLastLineAndBadLinesAreSkippedReadingBackwards() throws Exception {
        String last = call(9, "<Response/>").lines().findFirst().orElseThrow();
        Path file = write(calls(0, 5) + "not json\n\u0000\u0001\n" + calls(5, 9)
                + last.substring(0, last.length() / 2));
        List<LoggedCall> newest = CallLogReader.readNewest(file, 3);
        assertEquals(List.of("c8", "c7", "c6"), ids(newest).subList(0, 3));
        CallLogReader.Result read = CallLogReader.read(file);
        assertEquals(3, read.skippedLines());
        assertEquals(9, read.calls().size());
        assertEquals(List.of(), CallLogReader.readNewest(dir.resolve("missing.jsonl"), 5));
    }

    @Test
    void crlfLineBreaksBlankLinesAndAMissingLastNewlineReadAsUsual() throws Exception {
        String lf = calls(0, 20);
        Path plain = write(lf);
        CallLogReader.Result expected = CallLogReader.read(plain);
        Path crlf = dir.resolve("crlf.jsonl");
        Files.writeString(crlf, "\r\n  \n" + lf.replace("\n", "\r\n").stripTrailing(), StandardCharsets.UTF_8);
        CallLogReader.Result read = CallLogReader.read(crlf);
        assertEquals(0, read.skippedLines());
        assertEquals(expected.calls(), read.calls());
        assertEquals(CallLogReader.readNewest(plain, 5), CallLogReader.readNewest(crlf, 5));
    }

    @Test
    void aLineLongerThanABlockOrChunkIsReadWhole() throws Exception {
        String huge = "<Response>" + "x".repeat(CallLogLines.BLOCK * 3 + 17) + "</Response>";
        Path file = write(calls(0, 300) + call(300, huge) + calls(301, 600) + call(600, huge));
        CallLogReader.Result read = CallLogReader.read(file);
        assertEquals(0, read.skippedLines());
        assertEquals(601, read.calls().size());
        assertEquals(huge, read.calls().get(300).pushes().get(0).xml());
        assertEquals(huge, read.calls().get(600).pushes().get(0).xml());
        List<LoggedCall> newest = CallLogReader.readNewest(file, 2);
        assertEquals(List.of("c600", "c599"), ids(newest).subList(0, 2));
        assertEquals(huge, newest.get(0).pushes().get(0).xml());
    }

    @Test
    void backwardsGivesTheLinesOfForwardsReversedForAnyChunkSize() throws Exception {
        String text = "first\r\n\nsecond line\n" + "long ".repeat(40) + "\n\n  \nünïcödé ✓\nlast without newline";
        Path file = write(text);
        byte[] bytes = Files.readAllBytes(file);
        List<String> forward = new ArrayList<>();
        int[] at = CallLogLines.split(bytes, 0, bytes.length);
        for (int k = 0; k < at.length; k += 2) {
            forward.add(new String(bytes, at[k], at[k + 1] - at[k], StandardCharsets.UTF_8));
        }
        assertEquals(List.of("first", "second line", "long ".repeat(40), "ünïcödé ✓", "last without newline"),
                forward);
        Collections.reverse(forward);
        for (int chunk = 1; chunk <= bytes.length + 1; chunk++) {
            List<String> backward = new ArrayList<>();
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                CallLogLines.backward(in, chunk, (b, off, len) -> backward.add(new String(b, off, len,
                        StandardCharsets.UTF_8)));
            }
            assertEquals(forward, backward, "chunk of " + chunk);
        }
    }

    @Test
    void blocksAreCutAfterWholeLinesWhateverTheirSize() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("line ").append(i).append(" ").append("y".repeat(i % 37)).append('\n');
        }
        text.append("a torn one");
        Path file = write(text.toString());
        for (int size : new int[] {1, 7, 64, 1000, 100_000}) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                CallLogLines.forEachBlock(in, size, (b, from, to) -> {
                    assertTrue(to == from || b[to - 1] == '\n' || got.size() + to - from == file.toFile().length(),
                            "a block ends after a line break, or at the end of the file");
                    got.write(b, from, to - from);
                    return true;
                });
            }
            assertEquals(text.toString(), got.toString(StandardCharsets.UTF_8), "blocks of " + size);
        }
    }

    @Test
    void aLineThatIsNotUtf8IsSkippedAndTheRestRead() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        byte[] good = calls(0, 300).getBytes(StandardCharsets.UTF_8);
        byte[] bad = ("{\"type\":\"push\",\"time\":\"2026-12-04T10:00:00Z\",\"callId\":\"x\","
                + "\"event\":\"newCall\",\"fields\":{\"from\":[\"\u00ff\u00fe\"]}}\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good);
        out.write(bad);
        out.write(calls(300, 600).getBytes(StandardCharsets.UTF_8));
        Files.write(file, out.toByteArray());
        CallLogReader.Result read = CallLogReader.read(file);
        assertEquals(1, read.skippedLines());
        assertEquals(600, read.calls().size());
    }

    @Test
    void valuesAreReadAsTheTreeReaderReadThem() throws Exception {
        Path file = write("{\"type\":\"push\",\"time\":\"2026-12-04T10:00:00.5Z\",\"callId\":7,"
                + "\"event\":\"newCall\",\"fields\":{\"from\":\"4930\",\"to\":[],"
                + "\"direction\":[null],\"user\":[\"a\",\"b\"],\"x\":{\"y\":1}},"
                + "\"nodes\":[\"in\",{\"o\":1},null],\"outputs\":[],\"answeredBy\":null,\"xml\":{\"no\":1},"
                + "\"micros\":\"12\",\"extra\":[[1,2],{\"a\":[3]}]}\n");
        LoggedCall call = CallLogReader.read(file).calls().get(0);
        assertEquals("7", call.callId());
        assertEquals(T0.plusMillis(500), call.start());
        assertEquals("4930", call.from());
        assertEquals("", call.to());
        assertEquals("", call.direction());
        LoggedCall.Push push = call.pushes().get(0);
        assertEquals("a", push.fields().get("user"));
        assertEquals("", push.fields().get("x"));
        assertEquals(List.of("in", "", ""), push.nodes());
        assertNull(push.answeredBy());
        assertEquals("", push.xml());
        assertEquals(12, push.micros());
    }

    @Test
    void timesAreReadAsInstantParseReadsThem() {
        for (String t : List.of("2026-12-04T15:58:01Z", "2026-12-04T15:58:01.1Z", "2026-12-04T15:58:01.123Z",
                "2026-12-04T15:58:01.123456789Z", "2024-02-29T23:59:59.999999Z", "1970-01-01T00:00:00Z",
                "+12026-12-04T15:58:01Z", "2026-12-04T24:00:00Z", "2026-12-04T23:59:60Z", "2026-12-04T10:00:00.Z")) {
            assertEquals(Instant.parse(t), CallLogLine.time(t), t);
        }
        for (String t : List.of("", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-12-04T25:00:00Z",
                "2026-12-04T10:00:00.1234567890Z", "2026-12-04 10:00:00Z",
                "2026-12-0xT10:00:00Z", "yesterday")) {
            assertNull(CallLogLine.time(t), t);
        }
    }
}
