package io.ringkv.benchmarks.load;

import io.ringkv.time.Clock;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Prints one line per second while a phase runs: operations completed in the last second, p50 and p99
 * of each operation so far in the phase, and failures so far. It is also what drains the
 * {@link LatencyStats} into their totals while the phase runs.
 */
final class ProgressReporter implements AutoCloseable {

    private final String phaseName;
    private final LatencyStats stats;
    private final Clock clock;
    private final PrintStream out;
    private final ScheduledExecutorService ticker;
    private final long startNanos;
    private long lastNanos;

    ProgressReporter(String phaseName, LatencyStats stats, Clock clock, PrintStream out) {
        this.phaseName = phaseName;
        this.stats = stats;
        this.clock = clock;
        this.out = out;
        this.startNanos = clock.nanoTime();
        this.lastNanos = startNanos;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::report, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void report() {
        long now = clock.nanoTime();
        long completed = stats.drain();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        lastNanos = now;
        out.println(line(phaseName, (now - startNanos) / 1e9, completed / seconds, stats));
    }

    static String line(String phaseName, double elapsedSeconds, double opsPerSecond, LatencyStats stats) {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "[%s %4.0fs] %8s ops/s",
                phaseName,
                elapsedSeconds,
                SummaryFormatter.grouped(Math.round(opsPerSecond))));
        for (OperationType type : OperationType.values()) {
            Histogram total = stats.total(type);
            if (total.getTotalCount() > 0) {
                line.append(String.format(
                        Locale.ROOT,
                        " | %s p50 %.2f p99 %.2f ms",
                        type.label(),
                        total.getValueAtPercentile(50) / 1_000.0,
                        total.getValueAtPercentile(99) / 1_000.0));
            }
        }
        line.append(" | failed ").append(SummaryFormatter.grouped(stats.failureCount()));
        return line.toString();
    }

    /** Stops the ticker and drains what was recorded since its last line. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        stats.drain();
    }
}
