package org.switchboard.engine.server;

import java.io.PrintStream;

import org.slf4j.Logger;

/**
 * The one-line-per-push log, written in batches by its own thread, so that logging never holds up an answer. Under
 * load the server answers tens of thousands of pushes a second, and slf4j-simple's one formatted, encoded and
 * flushed write per line cost about 8 % of the server's CPU; and slf4j-simple writes on the caller's thread, so a
 * standard error that nobody reads (a full pipe) would stop every request thread. Here a push only appends its line
 * to a buffer; a daemon thread writes the buffer to standard error every 100 ms, or sooner once it holds 32 KB.
 * When the output blocks, the buffer stops growing at {@value #MAX_PENDING_CHARS} characters and further lines are
 * dropped and counted; once the output moves again, a warning says how many were dropped (and how many lines the
 * per-source rate cap held back, see {@link #capped}). Lines keep slf4j-simple's default layout ({@code [thread]
 * LEVEL logger - message}), the logger's level still switches push lines off, and they stay in order with the
 * server's errors, which go through here too. A stop writes what is left, waiting at most a second for a blocked
 * output. The cost: a line may appear up to 100 ms late, and a process killed with SIGKILL loses at most the last
 * 100 ms of lines.
 *
 * <p>Until {@link #start} (and after {@link #stop}) lines go straight through the logger.
 */
final class PushLog {

    private static final long FLUSH_INTERVAL_MILLIS = 100;
    private static final int FLUSH_CHARS = 32 * 1024;
    /** Beyond this, lines are dropped (and counted) rather than held: the output is not keeping up or blocked. */
    static final int MAX_PENDING_CHARS = 1024 * 1024;
    private static final long STOP_WAIT_MILLIS = 1000;

    private final Logger logger;
    private final String name;
    private final Object lock = new Object();
    /** Serialises writes, so batches reach the stream in the order their lines were logged. */
    private final Object writeLock = new Object();
    private StringBuilder pending = new StringBuilder(FLUSH_CHARS);
    private StringBuilder spare = new StringBuilder(FLUSH_CHARS);
    private long dropped;
    private long capped;
    private long droppedTotal;
    private PrintStream out;
    private Thread writer;
    private volatile boolean running;

    PushLog(Logger logger) {
        this.logger = logger;
        this.name = logger.getName();
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

    /** Writes what is buffered (waiting at most a second for a blocked output) and goes back to the logger. */
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
            w.join(STOP_WAIT_MILLIS); // the writer writes the rest before it ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void info(String message) {
        line("INFO", message, null);
    }

    void warn(String message) {
        line("WARN", message, null);
    }

    /** An error with the first frames of its cause (no message of the cause: it may hold what a client sent). */
    void error(String message, Throwable cause) {
        line("ERROR", message, cause);
    }

    /** Counts a line that the per-source rate cap held back; the next batch says how many. */
    void capped() {
        synchronized (lock) {
            capped++;
        }
    }

    /** Lines dropped so far because the output did not keep up (for the status page). */
    long dropped() {
        synchronized (lock) {
            return droppedTotal + dropped;
        }
    }

    private void line(String level, String message, Throwable cause) {
        String thread = Thread.currentThread().getName();
        synchronized (lock) {
            if (!running) { // checked under the lock that stop() takes, so no line lands after the last write
                direct(level, message, cause);
                return;
            }
            if (pending.length() + message.length() > MAX_PENDING_CHARS) {
                dropped++;
                return;
            }
            appendLine(pending, thread, level, message);
            if (cause != null) {
                appendCause(pending, cause);
            }
            if (pending.length() >= FLUSH_CHARS) {
                lock.notifyAll();
            }
        }
    }

    private void direct(String level, String message, Throwable cause) {
        switch (level) {
            case "ERROR" -> logger.error(message, cause);
            case "WARN" -> logger.warn(message);
            default -> logger.info(message);
        }
    }

    private void appendLine(StringBuilder b, String thread, String level, String message) {
        b.append('[').append(thread).append("] ").append(level).append(' ').append(name).append(" - ")
                .append(message).append('\n');
    }

    private static void appendCause(StringBuilder b, Throwable cause) {
        b.append(cause.getClass().getName()).append('\n');
        StackTraceElement[] frames = cause.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 12); i++) {
            b.append("\tat ").append(frames[i]).append('\n');
        }
    }

    /**
     * Writes the buffered lines now, on the calling thread (the writer thread does this; tests call it). It may
     * block while the output is blocked; request threads never call it.
     */
    void flush() {
        synchronized (writeLock) {
            StringBuilder batch;
            long droppedNow;
            long cappedNow;
            synchronized (lock) {
                droppedNow = dropped;
                cappedNow = capped;
                dropped = 0;
                capped = 0;
                droppedTotal += droppedNow;
                if (pending.length() == 0 && droppedNow == 0 && cappedNow == 0) {
                    return;
                }
                batch = pending;
                pending = spare == null ? new StringBuilder(FLUSH_CHARS) : spare;
                spare = null;
            }
            if (droppedNow > 0) {
                appendLine(batch, "switchboard-push-log", "WARN", droppedNow + " log lines dropped: the log output "
                        + "was blocked or too slow (" + (droppedTotal) + " since start)");
            }
            if (cappedNow > 0) {
                appendLine(batch, "switchboard-push-log", "WARN", cappedNow + " push lines not logged: their "
                        + "sources went over the per-source log rate cap");
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
        flush();
    }
}
