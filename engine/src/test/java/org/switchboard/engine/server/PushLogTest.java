package org.switchboard.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The batched push log: slf4j-simple's layout, every line once and in order, written without a stop too. */
class PushLogTest {

    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PushLog log;

    @BeforeEach
    void captureStandardError() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        log = new PushLog(LoggerFactory.getLogger(PushHandler.class));
    }

    @AfterEach
    void restoreStandardError() {
        log.stop();
        System.setErr(realErr);
    }

    private String written() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void linesKeepTheLoggersLayoutAndAreWrittenWithinTheInterval() throws Exception {
        log.start();
        Thread t = new Thread(() -> log.info("push callId=c1 event=newCall"), "switchboard-http-7");
        t.start();
        t.join();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (written().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("[switchboard-http-7] INFO org.switchboard.engine.server.PushHandler - push callId=c1 "
                + "event=newCall\n", written().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void flushWritesAtOnceAndStopLeavesNothingBehind() {
        log.start();
        log.info("first");
        log.flush();
        assertTrue(written().endsWith(" - first\n"), written());
        log.info("second");
        log.stop();
        String out = written();
        assertTrue(out.endsWith(" - second\n") && out.indexOf(" - first\n") < out.indexOf(" - second\n"), out);
        log.info("third, after stop: straight through the logger");
        assertTrue(written().contains(" - third, after stop"), written());
    }

    @Test
    void concurrentLinesAllArriveWholeAndInEachThreadsOrder() throws Exception {
        log.start();
        int threads = 8;
        int lines = 5_000;
        List<Thread> pushers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            pushers.add(new Thread(() -> {
                for (int i = 0; i < lines; i++) {
                    log.info("push t=" + id + " n=" + i);
                }
            }, "p" + t));
        }
        pushers.forEach(Thread::start);
        for (Thread p : pushers) {
            p.join();
        }
        log.stop();
        String[] out = written().split("\n");
        assertEquals(threads * lines, out.length);
        int[] next = new int[threads];
        for (String line : out) {
            int t = Integer.parseInt(line.substring(line.indexOf("t=") + 2, line.indexOf(" n=")));
            assertTrue(line.startsWith("[p" + t + "] INFO org.switchboard.engine.server.PushHandler - push t="), line);
            assertEquals(next[t]++, Integer.parseInt(line.substring(line.indexOf(" n=") + 3)), line);
        }
    }
}
