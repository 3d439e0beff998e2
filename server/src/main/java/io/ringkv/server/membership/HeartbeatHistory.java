package io.ringkv.server.membership;

/**
 * The bounded window of one peer's heartbeat inter-arrival times, with the running sum and sum of squares
 * so that mean and variance cost O(1) per heartbeat. Part of {@link PhiAccrualFailureDetector}.
 *
 * <p>Intervals are stored as {@code int} microseconds (clamped at about 35 minutes) in a ring buffer that
 * starts small and doubles up to the maximum sample size, so a node watching thousands of peers holds
 * 4 bytes per sample, and a simulation of thousands of nodes does not pay for a full window up front. The
 * running sums are recomputed exactly from the buffer once per window turn so rounding cannot drift.
 * Not thread-safe; owned by the detector's single thread.
 */
final class HeartbeatHistory {

    private static final int INITIAL_CAPACITY = 8;
    private static final double MICROS_PER_MILLI = 1000.0;

    private final int maxSampleSize;
    private int[] intervalsMicros;
    private int oldest;
    private int count;
    private int evictionsSinceRecompute;
    private double sumMillis;
    private double sumOfSquaresMillis;
    private long lastArrivalNanos;

    /**
     * A history seeded, as Akka does, with two samples {@code estimate ± estimate/4} (mean = estimate,
     * deviation = estimate/4) so that phi is meaningful before real samples arrive.
     */
    HeartbeatHistory(int maxSampleSize, long firstHeartbeatEstimateMillis, long firstArrivalNanos) {
        this.maxSampleSize = maxSampleSize;
        this.intervalsMicros = new int[Math.min(INITIAL_CAPACITY, maxSampleSize)];
        this.lastArrivalNanos = firstArrivalNanos;
        long estimateMicros = firstHeartbeatEstimateMillis * 1000;
        long deviationMicros = estimateMicros / 4;
        addMicros(estimateMicros - deviationMicros);
        addMicros(estimateMicros + deviationMicros);
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /** Records a heartbeat arriving at {@code nowNanos}; a clock that went back counts as a zero interval. */
    void arrived(long nowNanos) {
        long intervalNanos = Math.max(0L, nowNanos - lastArrivalNanos);
        addMicros(intervalNanos / 1000);
        lastArrivalNanos = Math.max(lastArrivalNanos, nowNanos);
    }

    int sampleCount() {
        return count;
    }

    double meanMillis() {
        return sumMillis / count;
    }

    double stdDeviationMillis() {
        double mean = meanMillis();
        double variance = sumOfSquaresMillis / count - mean * mean;
        return variance > 0 ? Math.sqrt(variance) : 0.0;
    }

    private void addMicros(long micros) {
        int sample = (int) Math.min(Integer.MAX_VALUE, Math.max(0L, micros));
        if (count == maxSampleSize) {
            evictOldest();
        } else if (count == intervalsMicros.length) {
            grow();
        }
        intervalsMicros[(oldest + count) % intervalsMicros.length] = sample;
        count++;
        double millis = sample / MICROS_PER_MILLI;
        sumMillis += millis;
        sumOfSquaresMillis += millis * millis;
    }

    private void evictOldest() {
        double millis = intervalsMicros[oldest] / MICROS_PER_MILLI;
        oldest = (oldest + 1) % intervalsMicros.length;
        count--;
        if (++evictionsSinceRecompute >= intervalsMicros.length) {
            recomputeSums();
        } else {
            sumMillis -= millis;
            sumOfSquaresMillis -= millis * millis;
        }
    }

    private void recomputeSums() {
        evictionsSinceRecompute = 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < count; i++) {
            double millis = intervalsMicros[(oldest + i) % intervalsMicros.length] / MICROS_PER_MILLI;
            sum += millis;
            sumOfSquares += millis * millis;
        }
        sumMillis = sum;
        sumOfSquaresMillis = sumOfSquares;
    }

    private void grow() {
        int[] larger = new int[Math.min(maxSampleSize, intervalsMicros.length * 2)];
        for (int i = 0; i < count; i++) {
            larger[i] = intervalsMicros[(oldest + i) % intervalsMicros.length];
        }
        intervalsMicros = larger;
        oldest = 0;
    }
}
