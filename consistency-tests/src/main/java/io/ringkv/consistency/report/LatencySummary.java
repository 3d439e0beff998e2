package io.ringkv.consistency.report;

import io.ringkv.consistency.history.OpType;
import java.util.List;
import java.util.Objects;

/**
 * Latency percentiles of one function's acknowledged ({@code :ok}) operations. Failed and indeterminate
 * operations are left out: their latency is mostly a timeout, which would say more about the client's
 * settings than about the store. Percentiles use the nearest-rank method, so each is a latency that
 * really occurred.
 *
 * @param f the function name
 * @param count acknowledged operations with a known latency
 * @param p50Nanos median; 0 when {@code count} is 0 (as are the others)
 * @param p95Nanos 95th percentile
 * @param p99Nanos 99th percentile
 * @param maxNanos the slowest
 */
public record LatencySummary(String f, long count, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos) {

    public LatencySummary {
        Objects.requireNonNull(f, "f");
    }

    /** The summary of one series. */
    public static LatencySummary of(LatencySeries series) {
        long[] sorted = series.pointsWith(OpType.OK).stream()
                .mapToLong(LatencyPoint::latencyNanos)
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            return new LatencySummary(series.f(), 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                series.f(),
                sorted.length,
                nearestRank(sorted, 50),
                nearestRank(sorted, 95),
                nearestRank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** One summary per series, in the same order. */
    public static List<LatencySummary> of(List<LatencySeries> series) {
        return series.stream().map(LatencySummary::of).toList();
    }

    private static long nearestRank(long[] sorted, int percentile) {
        // Smallest value with at least percentile% of the values at or below it.
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
