package org.switchboard.engine.calllog;

import static org.switchboard.engine.calllog.CallLogFormat.JSON;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.engine.files.AtomicFiles;
import org.switchboard.engine.runtime.CallEventListener;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * The kept call log: a listener that appends one JSON line per push and one per call end to a file (format in
 * docs/call-log.md). Answering a push never waits for the disk: events go into a bounded queue that a background
 * thread writes out; when the queue is full the line is dropped and counted ({@link #dropped()}). The thread flushes
 * whenever the queue runs empty and at least every second, so a killed process loses at most the last second; {@link
 * #close} writes what is queued, flushes and closes. The file is readable and writable by its owner only: phone
 * numbers are personal data. Opening applies the {@link Retention} (old and surplus calls are removed, atomically).
 */
public final class CallLog implements CallEventListener, AutoCloseable {

    /** How many lines may wait for the disk before new ones are dropped. */
    public static final int QUEUE_CAPACITY = 10_000;
    private static final long FLUSH_MILLIS = 1000;
    private static final long CLOSE_WAIT_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);
    private static final Object STOP = new Object();

    private final Path file;
    private final Clock clock;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY + 1);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final BufferedWriter out;
    private final Thread writer;
    private volatile boolean closed;

    private CallLog(Path file, Clock clock, BufferedWriter out) {
        this.file = file;
        this.clock = clock;
        this.out = out;
        this.writer = new Thread(this::drain, "switchboard-call-log");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens (or creates) the log at {@code file} for appending, after applying the retention to what is there.
     *
     * @throws IOException with a message naming the file when it cannot be read, cleaned or opened
     */
    public static CallLog open(Path file, Retention retention, Clock clock) throws IOException {
        CallLogReader.applyRetention(file, retention, clock.instant());
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            endWithNewline(file);
            var channel = posix
                    ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(ownerOnly))
                    : Files.newByteChannel(file, options);
            if (posix) {
                Files.setPosixFilePermissions(file, ownerOnly); // an existing file, made before or by hand
            }
            return new CallLog(file, clock, new BufferedWriter(new OutputStreamWriter(
                    java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IOException(file + " could not be opened as the call log: " + AtomicFiles.reason(e), e);
        }
    }

    /** A last line cut exactly before its newline stays a line of its own when new lines are appended. */
    private static void endWithNewline(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return;
        }
        try (var channel = Files.newByteChannel(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            if (last.get(0) != '\n') {
                channel.position(channel.size()).write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Lines dropped because the disk could not keep up (the queue was full) or the log was closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Lines that could not be written (e.g. the disk is full). */
    public long failed() {
        return failed.get();
    }

    /** Quick and never blocking: the line is made here (the event is a value) and handed to the writer thread. */
    @Override
    public void onEvent(RuntimeEvent event) {
        ObjectNode line = CallLogFormat.line(event, clock.instant());
        if (line == null) {
            return;
        }
        if (closed || !queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        long lastFlush = System.nanoTime();
        boolean dirty = false;
        while (true) {
            Object next;
            try {
                next = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                next = STOP;
            }
            if (next == STOP) {
                break;
            }
            if (next != null) {
                dirty |= write((ObjectNode) next);
            }
            boolean due = System.nanoTime() - lastFlush >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
            if (dirty && (queue.isEmpty() || due)) {
                flush();
                dirty = false;
                lastFlush = System.nanoTime();
            }
        }
        Object rest;
        while ((rest = queue.poll()) != null) {
            if (rest != STOP) {
                write((ObjectNode) rest);
            }
        }
        flush();
    }

    private boolean write(ObjectNode line) {
        try {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
            return true;
        } catch (IOException e) {
            if (failed.getAndIncrement() == 0) {
                LOG.warn("The call log {} could not be written: {}", file, e.getMessage());
            }
            return false;
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            if (failed.getAndIncrement() == 0) {
                LOG.warn("The call log {} could not be written: {}", file, e.getMessage());
            }
        }
    }

    /** Writes what is queued, flushes and closes the file; events arriving later are counted as dropped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean interrupted = false;
        try {
            if (!queue.offer(STOP, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                writer.interrupt(); // the writer does not take lines (a stuck disk): stop it
            }
            writer.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            interrupted = true;
            writer.interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("The call log {} could not be closed: {}", file, e.getMessage());
        }
        if (dropped.get() > 0) {
            LOG.warn("The call log {} dropped {} line(s): the disk did not keep up", file, dropped.get());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
