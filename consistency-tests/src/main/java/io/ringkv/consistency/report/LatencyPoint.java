package io.ringkv.consistency.report;

import io.ringkv.consistency.history.OpType;
import java.util.Objects;

/**
 * One dot of a latency-over-time plot.
 *
 * @param invokeNanos when the operation was invoked, on the run's clock
 * @param latencyNanos how long its completion took
 * @param outcome how it completed
 */
public record LatencyPoint(long invokeNanos, long latencyNanos, OpType outcome) {

    public LatencyPoint {
        Objects.requireNonNull(outcome, "outcome");
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("negative latency " + latencyNanos);
        }
    }
}
