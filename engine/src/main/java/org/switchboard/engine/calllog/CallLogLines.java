package org.switchboard.engine.calllog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Splits a call log file into its lines as bytes, without decoding them to text first: front to back in large
 * blocks of whole lines, or line by line back to front in chunks (the newest lines first). A line ends at {@code
 * \n}; a {@code \r} before it is dropped; lines of only blanks are passed over; the last line need not end with a
 * newline (a torn line). A line longer than a block or chunk is put together whole, however long.
 */
final class CallLogLines {

    /** Gets one line: {@code bytes[offset, offset + length)}; valid only during the call. */
    interface Sink {
        /** @return false to stop reading */
        boolean line(byte[] bytes, int offset, int length) throws IOException;
    }

    static final int BLOCK = 1 << 20;
    static final int CHUNK = 64 << 10;

    private CallLogLines() {
    }

    /**
     * The lines in {@code bytes[from, to)} as pairs of start and end offsets (a {@code \r} before a line break is
     * not part of the line; blank lines are passed over).
     */
    static int[] split(byte[] bytes, int from, int to) {
        int[] lines = new int[256];
        int n = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (!blank(bytes, start, end)) {
                    if (n + 2 > lines.length) {
                        lines = Arrays.copyOf(lines, lines.length * 2);
                    }
                    lines[n++] = start;
                    lines[n++] = end;
                }
                start = i + 1;
            }
        }
        return Arrays.copyOf(lines, n);
    }

    /** Gets {@code bytes[from, to)}: whole lines, each ending with {@code \n} except perhaps the file's last. */
    interface Block {
        boolean lines(byte[] bytes, int from, int to) throws IOException;
    }

    /** Reads front to back in blocks of about {@code size} bytes, each cut after its last line break. */
    static void forEachBlock(FileChannel in, int size, Block block) throws IOException {
        byte[] buf = new byte[size];
        int filled = 0;
        while (true) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // one line longer than the block
            }
            int n = in.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
            if (n < 0) {
                if (filled > 0) {
                    block.lines(buf, 0, filled);
                }
                return;
            }
            filled += n;
            int end = lastNewline(buf, 0, filled);
            if (end >= 0 && filled == buf.length) { // full: hand over the whole lines, keep the rest
                if (!block.lines(buf, 0, end + 1)) {
                    return;
                }
                System.arraycopy(buf, end + 1, buf, 0, filled - end - 1);
                filled -= end + 1;
                if (buf.length > size && filled < size) {
                    buf = Arrays.copyOf(buf, size); // back to the usual size after a long line
                }
            }
        }
    }

    /**
     * Hands {@code sink} the lines from the last to the first, reading {@code CHUNK} bytes at a time from the end;
     * stops when the sink says so.
     */
    static void backward(FileChannel in, Sink sink) throws IOException {
        backward(in, CHUNK, sink);
    }

    static void backward(FileChannel in, int chunk, Sink sink) throws IOException {
        long pos = in.size();
        // buf[start, end) holds the bytes not yet handed over: the start of a line that began before pos
        byte[] buf = new byte[chunk * 2];
        int start = buf.length;
        int end = buf.length;
        int fresh = end; // buf[start, fresh) was just read; buf[fresh, end) has no line break
        while (true) {
            // lines that end within the buffer: from the last line break backwards
            int stop = end;
            for (int i = fresh - 1; i >= start; i--) {
                if (buf[i] == '\n') {
                    if (i + 1 < stop && !deliver(buf, i + 1, stop, sink)) {
                        return;
                    }
                    stop = i;
                }
            }
            end = stop; // buf[start, end) is the start of a line (or the whole first line at the file's start)
            if (pos == 0) {
                if (start < end) {
                    deliver(buf, start, end, sink);
                }
                return;
            }
            int read = (int) Math.min(chunk, pos);
            int kept = end - start;
            if (kept + read > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, kept + read)); // a long line
            }
            // move what is kept to the end of the buffer, and read the chunk before it
            System.arraycopy(buf, start, buf, buf.length - kept, kept);
            end = buf.length;
            start = end - kept - read;
            fresh = start + read;
            pos -= read;
            ByteBuffer into = ByteBuffer.wrap(buf, start, read);
            while (into.hasRemaining()) {
                if (in.read(into, pos + into.position() - start) < 0) {
                    throw new IOException("the file became shorter while it was read");
                }
            }
        }
    }

    private static boolean deliver(byte[] bytes, int from, int to, Sink sink) throws IOException {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        return blank(bytes, from, end) || sink.line(bytes, from, end - from);
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            boolean space = b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F; // as String.isBlank
            if (!space) {
                return false;
            }
        }
        return true;
    }

    private static int lastNewline(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
