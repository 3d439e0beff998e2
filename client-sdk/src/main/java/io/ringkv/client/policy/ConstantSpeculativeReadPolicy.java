package io.ringkv.client.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Sends a read to one more replica each time {@code delay} passes without an answer, up to
 * {@code maxExtraRequests} extra replicas. A good delay is about the read latency's p99 in a healthy
 * cluster: then about 1% of reads cost a second request, and no read waits much longer than p99 plus one
 * healthy read for a single slow replica.
 */
public final class ConstantSpeculativeReadPolicy implements SpeculativeReadPolicy {

    private final long delayNanos;
    private final int maxExtraRequests;

    public ConstantSpeculativeReadPolicy(Duration delay, int maxExtraRequests) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        if (maxExtraRequests < 1) {
            throw new IllegalArgumentException("maxExtraRequests must be at least 1, was " + maxExtraRequests);
        }
        this.delayNanos = delay.toNanos();
        this.maxExtraRequests = maxExtraRequests;
    }

    @Override
    public long nextDelayNanos(int requestsSent) {
        return requestsSent <= maxExtraRequests ? delayNanos : -1;
    }
}
