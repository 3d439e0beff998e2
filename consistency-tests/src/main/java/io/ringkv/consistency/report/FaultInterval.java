package io.ringkv.consistency.report;

import java.util.Objects;

/**
 * A span of a run during which a fault was active (a partition, killed or paused nodes), on the same
 * clock as the history's {@code :time} values: nanoseconds since the test started. Reports shade these
 * spans and split availability by them.
 *
 * <p>The span is half-open, {@code [startNanos, endNanos)}: an operation invoked exactly when the fault
 * was healed counts as outside it.
 *
 * @param label what the fault was, shown in reports ({@code "partition majorities-ring"}, {@code "kill
 *     [n2]"})
 * @param startNanos when the fault was injected
 * @param endNanos when it was healed; not before {@code startNanos}
 */
public record FaultInterval(String label, long startNanos, long endNanos) {

    public FaultInterval {
        Objects.requireNonNull(label, "label");
        if (endNanos < startNanos) {
            throw new IllegalArgumentException(
                    "a fault interval cannot end before it starts: " + startNanos + ".." + endNanos);
        }
    }

    /** True when {@code timeNanos} falls in {@code [startNanos, endNanos)}. */
    public boolean contains(long timeNanos) {
        return timeNanos >= startNanos && timeNanos < endNanos;
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
