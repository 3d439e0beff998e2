package io.ringkv.server.antientropy;

import io.ringkv.time.Clock;
import java.util.Objects;

/**
 * A token bucket of bytes per second that keeps anti-entropy from starving client traffic. The bucket
 * holds at most one second of budget; {@link #spend} takes bytes out and, when the bucket is in debt,
 * pauses the caller until the debt is paid back at the configured rate. Time comes from the injected
 * {@link Clock} and waiting from the {@link Pauser}, so tests step a manual clock.
 *
 * <p>Used by one session thread at a time; methods are synchronised only to keep the arithmetic safe.
 */
public final class IoBudget {

    private final long bytesPerSecond;
    private final Clock clock;
    private final Pauser pauser;
    private double available;
    private long lastRefillNanos;
    private long pausedNanos;

    /** @param bytesPerSecond the sustained rate, at least 1 */
    public IoBudget(long bytesPerSecond, Clock clock, Pauser pauser) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("the I/O budget must be at least 1 byte/s, was " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pauser = Objects.requireNonNull(pauser, "pauser");
        this.available = bytesPerSecond;
        this.lastRefillNanos = clock.nanoTime();
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /**
     * Takes {@code bytes} out of the bucket and pauses as long as the bucket is in debt.
     *
     * @throws InterruptedException when the pause is interrupted (the node is closing)
     */
    public void spend(long bytes) throws InterruptedException {
        long debtNanos;
        synchronized (this) {
            refill();
            available -= bytes;
            debtNanos = available >= 0 ? 0 : (long) Math.ceil(-available * 1e9 / bytesPerSecond);
            pausedNanos += debtNanos;
        }
        if (debtNanos > 0) {
            pauser.pauseNanos(debtNanos);
        }
    }

    /** The total time {@link #spend} paused callers so far. */
    public synchronized long pausedNanos() {
        return pausedNanos;
    }

    private void refill() {
        long now = clock.nanoTime();
        long elapsed = Math.max(0, now - lastRefillNanos);
        lastRefillNanos = now;
        available = Math.min(bytesPerSecond, available + elapsed * (bytesPerSecond / 1e9));
    }
}
