package org.switchboard.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Calls benchmark's load: {@value #RATE} pushes a second (calls of newCall, dtmf 1 and hangup busy, from 8
 * threads) over loopback. Run in the benchmark's JVM, or on its own as sipgate is (another process):
 * {@code CallsLoad BASE WARMUP SECONDS} sends the load for WARMUP seconds, prints {@code warm N} and
 * {@code measuring}, sends it for SECONDS more and prints {@code sent N} (the pushes answered in each part).
 */
final class CallsLoad {

    static final int RATE = 200;

    private CallsLoad() {
    }

    public static void main(String[] args) {
        LoopbackSipgate sipgate = new LoopbackSipgate(args[0]);
        AtomicInteger warm = new AtomicInteger();
        run(sipgate, Integer.parseInt(args[1]), warm, new AtomicLong());
        System.out.println("warm " + warm.get());
        System.out.println("measuring");
        System.out.flush();
        AtomicInteger sent = new AtomicInteger();
        run(sipgate, Integer.parseInt(args[2]), sent, new AtomicLong());
        System.out.println("sent " + sent.get());
        System.out.flush();
    }

    /** Sends the load for {@code seconds}; {@code sent} counts the pushes answered, {@code cpu} the threads' CPU. */
    static void run(LoopbackSipgate sipgate, int seconds, AtomicInteger sent, AtomicLong cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // each load thread adds its CPU time as it ends (the pool's threads are gone when the load is measured)
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> new Thread(() -> {
            try {
                r.run();
            } finally {
                cpu.addAndGet(threads.getCurrentThreadCpuTime());
            }
        }));
        long start = System.nanoTime();
        int calls = RATE * seconds / 3;
        try {
            for (int i = 0; i < calls; i++) {
                long due = start + (long) (i * 3 * 1e9 / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int n = i;
                pool.submit(() -> {
                    LoopbackSipgate.Call c = sipgate.newCall("/sipgate", "bench-" + n, "4917012345678");
                    sipgate.dtmf(c, "1");
                    sipgate.hangup(c, "busy");
                    sent.addAndGet(3);
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
