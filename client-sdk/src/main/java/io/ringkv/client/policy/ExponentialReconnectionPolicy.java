package io.ringkv.client.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Exponential backoff with jitter: the ceiling doubles from {@code baseDelay} with each attempt up to
 * {@code maxDelay}, and the delay is drawn uniformly between half the ceiling and the ceiling. The
 * jitter keeps many clients that lost the same node from reconnecting in lock-step when it returns.
 * Random draws come from a seeded generator, so a test can repeat them.
 */
public final class ExponentialReconnectionPolicy implements ReconnectionPolicy {

    private final long baseNanos;
    private final long maxNanos;
    private final SplittableRandom random;

    public ExponentialReconnectionPolicy(Duration baseDelay, Duration maxDelay, long seed) {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("baseDelay must be positive, was " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay, was " + maxDelay);
        }
        this.baseNanos = baseDelay.toNanos();
        this.maxNanos = maxDelay.toNanos();
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long delayNanos(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 62));
        long ceiling = baseNanos > (maxNanos >> doublings) ? maxNanos : Math.min(maxNanos, baseNanos << doublings);
        long half = ceiling / 2;
        synchronized (random) {
            return half + random.nextLong(ceiling - half + 1);
        }
    }
}
