package io.ringkv.server.net;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long an {@link InternodeClient} waits before connecting again to an address after failed
 * attempts: doubling from a minimum to a maximum, with "equal jitter" (half the delay fixed, half
 * random) so that nodes which lost the same peer at the same moment do not retry in lockstep, while the
 * delay never collapses towards zero.
 *
 * <p>Thread-safe: the random generator, which need not be, is used under its own monitor.
 */
final class ReconnectBackoff {

    private final long minNanos;
    private final long maxNanos;
    private final RandomGenerator random;

    ReconnectBackoff(Duration min, Duration max, RandomGenerator random) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
        if (minNanos <= 0 || maxNanos < minNanos) {
            throw new IllegalArgumentException("need 0 < min <= max, got " + min + " and " + max);
        }
    }

    /**
     * The delay after {@code consecutiveFailures} failed attempts in a row: in
     * {@code [max(min, ceiling / 2), ceiling]} where {@code ceiling = min(max, min * 2^(failures - 1))}.
     */
    long delayNanos(int consecutiveFailures) {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures must be at least 1, was " + consecutiveFailures);
        }
        long ceiling = ceilingNanos(consecutiveFailures);
        long half = ceiling / 2;
        long jitter;
        synchronized (random) {
            jitter = random.nextLong(ceiling - half + 1);
        }
        return Math.max(minNanos, half + jitter);
    }

    private long ceilingNanos(int consecutiveFailures) {
        int doublings = consecutiveFailures - 1;
        // Shifting further would overflow; by then the maximum has long been reached.
        if (doublings >= Long.numberOfLeadingZeros(minNanos) - 1) {
            return maxNanos;
        }
        return Math.min(maxNanos, minNanos << doublings);
    }
}
