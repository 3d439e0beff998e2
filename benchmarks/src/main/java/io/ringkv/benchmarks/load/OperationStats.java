package io.ringkv.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one operation over the measured phase, in milliseconds.
 *
 * @param operation {@code read}, {@code update} or {@code all}
 * @param count successful operations
 * @param opsPerSecond successful operations per second of the phase
 */
public record OperationStats(
        String operation,
        long count,
        double opsPerSecond,
        double meanMillis,
        double p50Millis,
        double p90Millis,
        double p99Millis,
        double p999Millis,
        double maxMillis) {

    /** Stats from a histogram of microseconds covering {@code seconds} of measurement. */
    public static OperationStats of(String operation, Histogram micros, double seconds) {
        long count = micros.getTotalCount();
        return new OperationStats(
                operation,
                count,
                seconds > 0 ? count / seconds : 0,
                count == 0 ? 0 : micros.getMean() / 1_000.0,
                millisAt(micros, 50),
                millisAt(micros, 90),
                millisAt(micros, 99),
                millisAt(micros, 99.9),
                count == 0 ? 0 : micros.getMaxValue() / 1_000.0);
    }

    private static double millisAt(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1_000.0;
    }
}
