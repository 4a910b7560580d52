package org.switchboard.engine.calllog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.runtime.RuntimeEvent;

/** The call log's file: torn lines, unknown fields, retention, permissions, what a stop writes. */
class CallLogTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path dir;

    private static void call(CallLog log, String callId, String from) {
        log.onEvent(new RuntimeEvent.PushHandled(callId, "newCall", List.of("in", "menu"), List.of(
                new RuntimeEvent.OutputTaken("in", "call")), "menu", "<Response/>", List.of(), 42,
                Map.of("from", List.of(from), "to", List.of("4921100"), "direction", List.of("in"))));
        log.onEvent(new RuntimeEvent.CallEnded(callId, "busy"));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aTornLastLineIsSkippedAndCountedWithoutLosingCompleteLines() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        try (CallLog log = CallLog.open(file, Retention.DEFAULT, at(NOW))) {
            call(log, "c1", "4930001");
            call(log, "c2", "4930002");
        }
        String whole = Files.readString(file);
        String last = whole.lines().reduce((a, b) -> b).orElseThrow();
        // a killed process: half of a line, no newline
        Files.writeString(file, last.substring(0, last.length() / 2), StandardOpenOption.APPEND);

        CallLogReader.Result read = CallLogReader.read(file);
        assertEquals(1, read.skippedLines());
        assertEquals(List.of("c1", "c2"), read.calls().stream().map(LoggedCall::callId).toList());
        assertEquals("4930002", read.calls().get(1).from());
        assertEquals("busy", read.calls().get(1).endCause());

        // opening again drops the torn line, and new lines start on a line of their own
        try (CallLog log = CallLog.open(file, Retention.DEFAULT, at(NOW))) {
            call(log, "c3", "4930003");
        }
        CallLogReader.Result again = CallLogReader.read(file);
        assertEquals(0, again.skippedLines());
        assertEquals(List.of("c1", "c2", "c3"), again.calls().stream().map(LoggedCall::callId).toList());
    }

    @Test
    void aLastLineCutJustBeforeItsNewlineStaysALineOfItsOwn() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, "{\"type\":\"push\",\"time\":\"2026-12-04T11:00:00Z\",\"callId\":\"c1\","
                + "\"event\":\"newCall\",\"fields\":{\"from\":[\"4930001\"]}}", StandardCharsets.UTF_8);
        try (CallLog log = CallLog.open(file, Retention.DEFAULT, at(NOW))) {
            call(log, "c2", "4930002");
        }
        CallLogReader.Result read = CallLogReader.read(file);
        assertEquals(0, read.skippedLines());
        assertEquals(List.of("c1", "c2"), read.calls().stream().map(LoggedCall::callId).toList());
    }

    @Test
    void unknownFieldsAndKindsOfLinesAreIgnored() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, """
                {"type":"push","time":"2026-12-04T11:00:00Z","callId":"c1","event":"newCall","future":{"x":1},\
                "fields":{"from":["4930001"],"to":["4921100"],"direction":["out"]},"nodes":["in"]}
                {"type":"somethingNew","time":"2026-12-04T11:00:01Z","callId":"c1"}
                not json at all
                {"type":"end","time":"2026-12-04T11:00:09Z","callId":"c1","cause":"cancel"}
                """, StandardCharsets.UTF_8);
        CallLogReader.Result read = CallLogReader.read(file);
        assertEquals(1, read.skippedLines());
        LoggedCall call = read.calls().get(0);
        assertEquals("out", call.direction());
        assertEquals(List.of(new LoggedCall.Step("in", null)), call.path());
        assertEquals(Duration.ofSeconds(9), call.duration());
        assertEquals("cancel", call.endCause());
    }

    @Test
    void retentionRemovesOldAndSurplusCallsWhenOpening() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        try (CallLog log = CallLog.open(file, Retention.DEFAULT, at(NOW.minus(Duration.ofDays(95))))) {
            call(log, "old", "4930000");
        }
        for (int i = 1; i <= 4; i++) {
            try (CallLog log = CallLog.open(file, Retention.DEFAULT, at(NOW.minus(Duration.ofDays(10 - i))))) {
                call(log, "c" + i, "493000" + i);
            }
        }
        assertEquals(5, CallLogReader.read(file).calls().size());

        try (CallLog log = CallLog.open(file, new Retention(Duration.ofDays(90), 3), at(NOW))) {
            assertEquals(0, log.dropped());
        }
        CallLogReader.Result read = CallLogReader.read(file);
        assertEquals(List.of("c2", "c3", "c4"), read.calls().stream().map(LoggedCall::callId).toList());
        assertEquals("busy", read.calls().get(0).endCause(), "a kept call keeps its end line");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theFileIsOwnerOnlyEvenWhenItExistedBefore() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (CallLog log = CallLog.open(file, Retention.DEFAULT, at(NOW))) {
            call(log, "c1", "4930001");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path fresh = dir.resolve("new.jsonl");
        CallLog.open(fresh, Retention.DEFAULT, at(NOW)).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void linesAreOnDiskWithinASecondWhileTheLogIsOpen() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        try (CallLog log = CallLog.open(file, Retention.DEFAULT, at(NOW))) {
            call(log, "c1", "4930001");
            long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (!ended(file) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            LoggedCall read = CallLogReader.read(file).calls().get(0);
            assertEquals("busy", read.endCause());
            assertNull(read.path().get(0).digits());
        }
    }

    private static boolean ended(Path file) throws java.io.IOException {
        List<LoggedCall> calls = CallLogReader.read(file).calls();
        return !calls.isEmpty() && calls.get(0).end() != null;
    }

    @Test
    void eventsAfterCloseAreCountedAsDropped() throws Exception {
        CallLog log = CallLog.open(dir.resolve("calls.jsonl"), Retention.DEFAULT, at(NOW));
        log.close();
        call(log, "late", "4930009");
        assertEquals(2, log.dropped());
        assertTrue(CallLogReader.read(dir.resolve("calls.jsonl")).calls().isEmpty());
    }
}
