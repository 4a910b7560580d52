package org.switchboard.engine.server;

import java.io.PrintStream;

import org.slf4j.Logger;

/**
 * The one-line-per-push log, written in batches. Under load the server answers tens of thousands of pushes a second,
 * and slf4j-simple's one formatted, encoded and flushed write per line cost about 8 % of the server's CPU. Here a push
 * only appends its line to a buffer; a daemon thread writes the buffer to standard error every 100 ms, or sooner
 * once it holds 32 KB. Lines keep slf4j-simple's default layout ({@code [thread] INFO logger - message}), the
 * logger's level still switches them off, and they stay in order with the server's other log lines: an error is
 * preceded by a flush, and stopping the server writes what is left. The cost: a line may appear up to 100 ms late,
 * and a process killed with SIGKILL loses at most the last 100 ms of lines.
 *
 * <p>Until {@link #start} (and after {@link #stop}) lines go straight through the logger.
 */
final class PushLog {

    private static final long FLUSH_INTERVAL_MILLIS = 100;
    private static final int FLUSH_CHARS = 32 * 1024;
    /** Beyond this the pushing thread writes itself, so a stalled terminal cannot grow the buffer without bound. */
    private static final int BACK_PRESSURE_CHARS = 1024 * 1024;

    private final Logger logger;
    private final String prefix;
    private final Object lock = new Object();
    /** Serialises writes, so batches reach the stream in the order their lines were logged. */
    private final Object writeLock = new Object();
    private StringBuilder pending = new StringBuilder(FLUSH_CHARS);
    private StringBuilder spare = new StringBuilder(FLUSH_CHARS);
    private PrintStream out;
    private Thread writer;
    private volatile boolean running;

    PushLog(Logger logger) {
        this.logger = logger;
        this.prefix = "] INFO " + logger.getName() + " - ";
    }

    boolean enabled() {
        return logger.isInfoEnabled();
    }

    /** Starts batching to the current standard error. */
    void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            out = System.err;
            running = true;
            writer = new Thread(this::writeLoop, "switchboard-push-log");
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Writes what is buffered and goes back to writing each line at once. */
    void stop() {
        Thread w;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            w = writer;
            writer = null;
            lock.notifyAll();
        }
        try {
            w.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    void info(String message) {
        String thread = Thread.currentThread().getName();
        boolean writeNow;
        synchronized (lock) {
            if (!running) { // checked under the lock that stop() takes, so no line lands after its last flush
                logger.info(message);
                return;
            }
            pending.append('[').append(thread).append(prefix).append(message).append('\n');
            int length = pending.length();
            writeNow = length >= BACK_PRESSURE_CHARS;
            if (length >= FLUSH_CHARS && !writeNow) {
                lock.notifyAll();
            }
        }
        if (writeNow) {
            flush();
        }
    }

    /** Writes the buffered lines now; called before an error is logged so that it follows the pushes before it. */
    void flush() {
        synchronized (writeLock) {
            StringBuilder batch;
            synchronized (lock) {
                if (pending.length() == 0) {
                    return;
                }
                batch = pending;
                pending = spare;
                spare = null;
            }
            out.append(batch); // lines are only buffered once start() has set the stream
            out.flush();
            batch.setLength(0);
            if (batch.capacity() > 4 * FLUSH_CHARS) {
                batch = new StringBuilder(FLUSH_CHARS); // after a burst, do not keep a megabyte for good
            }
            synchronized (lock) {
                spare = batch;
            }
        }
    }

    private void writeLoop() {
        while (running) {
            synchronized (lock) {
                if (running && pending.length() < FLUSH_CHARS) {
                    try {
                        lock.wait(FLUSH_INTERVAL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            flush();
        }
    }
}
