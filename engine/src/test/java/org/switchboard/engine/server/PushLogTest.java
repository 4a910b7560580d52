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
        int[] last = new int[threads];
        java.util.Arrays.fill(last, -1);
        long arrived = 0;
        long droppedSaid = 0;
        for (String line : out) {
            if (line.contains(" WARN ") && line.contains(" log lines dropped")) {
                droppedSaid += Long.parseLong(line.substring(line.indexOf(" - ") + 3, line.indexOf(" log lines")));
                continue;
            }
            int t = Integer.parseInt(line.substring(line.indexOf("t=") + 2, line.indexOf(" n=")));
            assertTrue(line.startsWith("[p" + t + "] INFO org.switchboard.engine.server.PushHandler - push t="), line);
            int n = Integer.parseInt(line.substring(line.indexOf(" n=") + 3));
            assertTrue(n > last[t], "in each thread's order: " + line);
            last[t] = n;
            arrived++;
        }
        assertEquals((long) threads * lines, arrived + droppedSaid, "every line arrived or was counted as dropped");
        assertEquals(droppedSaid, log.dropped());
    }

    @Test
    void aBlockedOutputNeverBlocksTheLoggingThreadsAndTheDropsAreCounted() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    release.await(); // like a pipe nobody reads
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (sink) {
                    sink.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8));
        log = new PushLog(LoggerFactory.getLogger(PushHandler.class));
        log.start();
        int total = 50_000;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            log.info("push callId=" + i + " event=newCall path=/sipgate node=menu status=200 micros=100");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "logging went on while the output was blocked: " + millis + " ms");
        Thread.sleep(300);
        assertTrue(log.dropped() > 0, "lines beyond the buffer are dropped");
        release.countDown();
        log.stop();
        String out;
        synchronized (sink) {
            out = sink.toString(StandardCharsets.UTF_8);
        }
        assertTrue(out.contains(" log lines dropped: the log output was blocked or too slow"), out.substring(
                Math.max(0, out.length() - 500)));
    }
}
