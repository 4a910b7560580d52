package org.switchboard.engine.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load generator in the style of wrk: a few selector threads, each driving its share of
 * keep-alive connections, one request in flight per connection. Three workloads: {@link Workload#NEW_CALL} posts
 * the same newCall to a webhook path again and again (every one starts a call that never ends, so the engine's
 * session store fills to its bound); {@link Workload#DTMF} posts a newCall, takes the Gather's callback token from
 * the answer and posts a dtmf there, and so on, so that every dtmf uses a fresh single-use token;
 * {@link Workload#CALL} plays whole calls: newCall, dtmf, then hangup to the answer's onHangup URL, so calls end as
 * they do in real life. Latency is recorded per kind of push in HdrHistograms (microseconds), only inside the
 * measuring window. Closed loop means latencies are those of a client that waits for each answer (like wrk, not
 * corrected for coordinated omission).
 */
final class LoadGenerator {

    /** sipgate's real newCall body (a captured push), as in the signature test vector. */
    static final String NEW_CALL_BODY = "event=newCall&direction=in&from=491776249000&to=4928559389086&callId="
            + "54566B150B0C0D3A5D534D5F565D7C5F54535A5C5B53525A7E5B5D5745504457444C425D5057&origCallId="
            + "54566B150B0C0D3A5D534D5F565D7C5F54535A5C5B53525A7E5B5D5745504457444C425D5057&user%5B%5D="
            + "&xcid=8419b3450b75cd19";
    static final String HANGUP_BODY = "event=hangup&cause=normalClearing&callId="
            + "54566B150B0C0D3A5D534D5F565D7C5F54535A5C5B53525A7E5B5D5745504457444C425D5057&direction=in"
            + "&from=491776249000&to=4928559389086&answeringNumber=4915123456789";
    static final String DTMF_BODY = "event=dtmf&callId="
            + "54566B150B0C0D3A5D534D5F565D7C5F54535A5C5B53525A7E5B5D5745504457444C425D5057&origCallId="
            + "54566B150B0C0D3A5D534D5F565D7C5F54535A5C5B53525A7E5B5D5745504457444C425D5057&dtmf=1";
    /** The captured call id; each newCall replaces its last 16 characters, so every call has its own id. */
    static final String CALL_ID = "54566B150B0C0D3A5D534D5F565D7C5F54535A5C5B53525A7E5B5D5745504457444C425D5057";
    private static final int UNIQUE_CHARS = 16;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicLong NEXT_CALL = new AtomicLong();
    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final byte[] ON_DATA = "onData=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ON_HANGUP = "onHangup=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CB = "/cb/".getBytes(StandardCharsets.US_ASCII);

    /** What the connections do, see the class description. */
    enum Workload { NEW_CALL, DTMF, CALL }

    /** The kinds of push, in the order they are counted. */
    enum Push { NEW_CALL, DTMF, HANGUP }

    /** What one run measured: per kind of push its count and latency histogram. */
    record Result(long[] counts, long errors, double seconds, Histogram[] micros) {

        long count(Push push) {
            return counts[push.ordinal()];
        }

        Histogram micros(Push push) {
            return micros[push.ordinal()];
        }

        long total() {
            long sum = 0;
            for (long c : counts) {
                sum += c;
            }
            return sum;
        }

        Histogram all() {
            Histogram h = new Histogram(MAX_MICROS, 3);
            for (Histogram m : micros) {
                h.add(m);
            }
            return h;
        }
    }

    private final InetSocketAddress address;
    private final String webhookPath;
    private final Workload workload;
    private final int connections;
    private final int threads;
    private volatile boolean measuring;
    private volatile boolean stop;

    LoadGenerator(InetSocketAddress address, String webhookPath, Workload workload, int connections) {
        this.address = address;
        this.webhookPath = webhookPath;
        this.workload = workload;
        this.connections = connections;
        this.threads = Math.min(2, connections);
    }

    /** Runs for {@code warmupMillis} unrecorded, then measures for {@code measureMillis}. */
    Result run(long warmupMillis, long measureMillis, Runnable atStart, Runnable atEnd) throws Exception {
        List<Worker> workers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            int share = connections / threads + (t < connections % threads ? 1 : 0);
            Worker worker = new Worker(share);
            workers.add(worker);
            Thread thread = new Thread(() -> {
                try {
                    worker.loop();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "load-" + t);
            worker.thread = thread;
            thread.start();
        }
        Thread.sleep(warmupMillis);
        atStart.run();
        long start = System.nanoTime();
        measuring = true;
        Thread.sleep(measureMillis);
        measuring = false;
        long end = System.nanoTime();
        atEnd.run();
        stop = true;
        for (Worker w : workers) {
            w.selector.wakeup();
            w.thread.join(5_000);
        }
        if (failure.get() != null) {
            throw new IOException("load generator failed: " + failure.get(), failure.get());
        }
        Histogram[] micros = new Histogram[Push.values().length];
        long[] counts = new long[micros.length];
        long errors = 0;
        for (int i = 0; i < micros.length; i++) {
            micros[i] = new Histogram(MAX_MICROS, 3);
        }
        for (Worker w : workers) {
            for (int i = 0; i < micros.length; i++) {
                micros[i].add(w.micros[i]);
                counts[i] += w.counts[i];
            }
            errors += w.errors;
        }
        return new Result(counts, errors, (end - start) / 1e9, micros);
    }

    private byte[] newCallRequest() {
        return request(webhookPath, NEW_CALL_BODY);
    }

    private static byte[] request(String path, String body) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: sipgate.io\r\n"
                + "Accept: application/xml, text/plain, text/html\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** One selector thread and its connections. */
    private final class Worker {
        final Selector selector;
        final Histogram[] micros = {new Histogram(MAX_MICROS, 3), new Histogram(MAX_MICROS, 3),
            new Histogram(MAX_MICROS, 3)};
        final long[] counts = new long[3];
        Thread thread;
        long errors;

        Worker(int share) throws IOException {
            selector = Selector.open();
            for (int i = 0; i < share; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Connection c = new Connection(channel, newCallRequest());
                c.sendNewCall();
                channel.register(selector, SelectionKey.OP_WRITE, c);
            }
        }

        void loop() throws IOException {
            while (!stop) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection c = (Connection) key.attachment();
                    if (key.isWritable()) {
                        c.channel.write(c.out);
                        if (!c.out.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        if (c.channel.read(c.in) < 0) {
                            throw new IOException("server closed a connection");
                        }
                        if (c.complete()) {
                            answered(c, key);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }

        private void answered(Connection c, SelectionKey key) throws IOException {
            long micros = (System.nanoTime() - c.sentAt) / 1000;
            boolean ok = c.status == 200;
            if (measuring) {
                this.micros[c.push.ordinal()].recordValue(Math.min(micros, MAX_MICROS));
                counts[c.push.ordinal()]++;
                if (!ok) {
                    errors++;
                }
            }
            if (c.push == Push.NEW_CALL && ok && workload != Workload.NEW_CALL) {
                c.onHangup = c.token(ON_HANGUP);
                String token = c.token(ON_DATA);
                c.in.clear();
                c.send(request("/cb/" + token, DTMF_BODY.replace(CALL_ID, c.callId)), Push.DTMF);
            } else if (c.push == Push.DTMF && ok && workload == Workload.CALL) {
                c.in.clear();
                c.send(request("/cb/" + c.onHangup, HANGUP_BODY.replace(CALL_ID, c.callId)), Push.HANGUP);
            } else {
                c.in.clear();
                c.sendNewCall();
            }
            c.channel.write(c.out);
            key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    /** One keep-alive connection with one request in flight. */
    private static final class Connection {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        ByteBuffer out;
        long sentAt;
        Push push;
        String onHangup;
        int status;
        int bodyStart;
        int bodyLength;

        /** This connection's own newCall request, whose call id is made unique before each send. */
        final byte[] newCall;
        final int idEnd;
        String callId;

        Connection(SocketChannel channel, byte[] newCall) {
            this.channel = channel;
            this.newCall = newCall;
            String text = new String(newCall, StandardCharsets.US_ASCII);
            this.idEnd = text.indexOf("callId=" + CALL_ID) + "callId=".length() + CALL_ID.length();
        }

        /** A newCall with a call id no other call had (a repeated id would start no call). */
        void sendNewCall() {
            long n = NEXT_CALL.incrementAndGet();
            for (int i = 0; i < UNIQUE_CHARS; i++) {
                newCall[idEnd - 1 - i] = HEX[(int) (n >>> (4 * i)) & 15];
            }
            callId = new String(newCall, idEnd - CALL_ID.length(), CALL_ID.length(), StandardCharsets.US_ASCII);
            send(newCall, Push.NEW_CALL);
        }

        void send(byte[] request, Push kind) {
            out = ByteBuffer.wrap(request);
            push = kind;
            sentAt = System.nanoTime();
        }

        /** Whether a whole answer (head and Content-Length body) has arrived. */
        boolean complete() throws IOException {
            byte[] a = in.array();
            int n = in.position();
            int headEnd = -1;
            for (int i = 3; i < n; i++) {
                if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                    headEnd = i + 1;
                    break;
                }
            }
            if (headEnd < 0) {
                return false;
            }
            String head = new String(a, 0, headEnd, StandardCharsets.ISO_8859_1);
            status = Integer.parseInt(head.substring(9, 12));
            int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
            if (at < 0) {
                throw new IOException("answer without Content-Length: " + head);
            }
            int eol = head.indexOf('\r', at);
            bodyLength = Integer.parseInt(head.substring(at + 15, eol).trim());
            bodyStart = headEnd;
            return n >= headEnd + bodyLength;
        }

        /** The callback token of the given attribute's URL in the answer body. */
        String token(byte[] attribute) {
            byte[] a = in.array();
            int end = bodyStart + bodyLength;
            int at = indexOf(a, attribute, bodyStart, end);
            int cb = at < 0 ? -1 : indexOf(a, CB, at, end);
            if (cb < 0) {
                return null;
            }
            int from = cb + CB.length;
            int to = from;
            while (to < end && a[to] != '"') {
                to++;
            }
            return new String(a, from, to - from, StandardCharsets.US_ASCII);
        }

        private static int indexOf(byte[] a, byte[] needle, int from, int to) {
            outer:
            for (int i = from; i + needle.length <= to; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (a[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
