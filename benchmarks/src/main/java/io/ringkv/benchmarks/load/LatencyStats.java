package io.ringkv.benchmarks.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of successful operations per {@link OperationType} (HdrHistogram, microseconds, 3
 * significant digits, up to 60 s), failures per error label, and sibling counts seen by reads.
 *
 * <p>Recording is wait-free and may happen on any thread (the client's I/O threads). {@link #drain()}
 * moves what was recorded since the last drain into the running totals; it is called by one thread at
 * a time (the progress reporter, then the summary).
 */
public final class LatencyStats {

    /** 60 s: far beyond any timeout, so every latency fits. */
    static final long HIGHEST_TRACKABLE_MICROS = 60_000_000L;

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Map<OperationType, Recorder> recorders = new EnumMap<>(OperationType.class);
    private final Map<OperationType, Histogram> totals = new EnumMap<>(OperationType.class);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final LongAdder readsWithSiblings = new LongAdder();
    private final LongAdder readsNotFound = new LongAdder();
    private final Map<OperationType, Histogram> recycled = new EnumMap<>(OperationType.class);

    public LatencyStats() {
        for (OperationType type : OperationType.values()) {
            recorders.put(type, new Recorder(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS));
            totals.put(type, newHistogram());
        }
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    public void recordSuccess(OperationType type, long latencyNanos) {
        long micros = Math.max(1, latencyNanos / 1_000);
        recorders.get(type).recordValue(Math.min(micros, HIGHEST_TRACKABLE_MICROS));
    }

    public void recordFailure(String label) {
        failures.increment();
        errors.computeIfAbsent(label, unused -> new LongAdder()).increment();
    }

    /** Notes what a successful read found, for the sibling and not-found counts. */
    public void recordRead(ReadOutcome outcome) {
        if (!outcome.found()) {
            readsNotFound.increment();
        } else if (outcome.siblingCount() > 1) {
            readsWithSiblings.increment();
        }
    }

    /**
     * Moves the latencies recorded since the last call into the totals.
     *
     * @return the number of successful operations recorded since the last call
     */
    public synchronized long drain() {
        long count = 0;
        for (OperationType type : OperationType.values()) {
            // Each recorder only takes back a histogram it handed out itself.
            Histogram interval = recorders.get(type).getIntervalHistogram(recycled.get(type));
            count += interval.getTotalCount();
            totals.get(type).add(interval);
            recycled.put(type, interval);
        }
        return count;
    }

    /** A copy of the running total of one operation (call {@link #drain()} first to include recent ones). */
    public synchronized Histogram total(OperationType type) {
        return totals.get(type).copy();
    }

    /** Every operation's running total merged. */
    public synchronized Histogram totalOfAll() {
        Histogram all = newHistogram();
        totals.values().forEach(all::add);
        return all;
    }

    public long failureCount() {
        return failures.sum();
    }

    /** Failures by label, sorted by label. */
    public Map<String, Long> errors() {
        Map<String, Long> copy = new TreeMap<>();
        errors.forEach((label, count) -> copy.put(label, count.sum()));
        return copy;
    }

    public long readsWithSiblings() {
        return readsWithSiblings.sum();
    }

    public long readsNotFound() {
        return readsNotFound.sum();
    }
}
