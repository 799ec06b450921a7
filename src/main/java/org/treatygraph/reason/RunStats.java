package org.treatygraph.reason;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Watches a long run: samples the heap in use every 100 ms (its peak is what a closing line reports) and
 * prints a line every {@code everySeconds} so a user knows the run is alive.
 */
public final class RunStats implements AutoCloseable {
    private final long start = System.nanoTime();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile String phase = "starting";

    public RunStats(Consumer<String> ticker, int everySeconds) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(() -> {
            long lastTick = System.nanoTime();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    if (ticker != null && System.nanoTime() - lastTick > everySeconds * 1_000_000_000L) {
                        lastTick = System.nanoTime();
                        ticker.accept(String.format("… %s (%.0f s, heap in use %s)", phase, seconds(), mib(memory.getHeapMemoryUsage().getUsed())));
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "treaty-graph-run-stats");
        sampler.setDaemon(true);
        sampler.start();
    }

    public void phase(String what) {
        phase = what;
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The largest heap in use seen so far, in bytes. */
    public long peakHeap() {
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        return peak.get();
    }

    public static String mib(long bytes) {
        return String.format("%,d MiB", bytes / (1024 * 1024));
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
