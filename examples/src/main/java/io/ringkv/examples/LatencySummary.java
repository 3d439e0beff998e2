package io.ringkv.examples;

import java.util.Arrays;

/**
 * Median and 99th percentile of a set of latencies (nearest-rank), enough for a side-by-side table.
 *
 * @param count how many latencies were measured
 * @param medianNanos the median
 * @param p99Nanos the 99th percentile
 */
public record LatencySummary(int count, long medianNanos, long p99Nanos) {

    /**
     * @throws IllegalArgumentException when {@code latenciesNanos} is empty
     */
    public static LatencySummary of(long[] latenciesNanos) {
        if (latenciesNanos.length == 0) {
            throw new IllegalArgumentException("no latencies measured");
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    public double medianMillis() {
        return medianNanos / 1_000_000.0;
    }

    public double p99Millis() {
        return p99Nanos / 1_000_000.0;
    }
}
