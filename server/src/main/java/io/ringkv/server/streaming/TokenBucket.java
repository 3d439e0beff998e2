package io.ringkv.server.streaming;

import io.ringkv.time.Clock;
import java.util.Objects;

/**
 * Paces streaming to a byte budget. Callers take bytes after the fact ({@link #take}) and wait the
 * returned time before the next chunk: the bucket may go into debt by one chunk, so a chunk larger than
 * the burst still passes, and the average rate never exceeds the budget. Time comes from the injected
 * {@link Clock}; the bucket itself never sleeps. Thread-safe.
 */
public final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Clock clock;
    private final long bytesPerSecond;
    private final long burstBytes;
    private long availableBytes;
    private long refilledAtNanos;

    /**
     * @param bytesPerSecond the budget
     * @param burstBytes the most bytes that may pass without waiting after an idle period
     */
    public TokenBucket(Clock clock, long bytesPerSecond, long burstBytes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (bytesPerSecond < 1 || burstBytes < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.burstBytes = burstBytes;
        this.availableBytes = burstBytes;
        this.refilledAtNanos = clock.nanoTime();
    }

    /**
     * Takes {@code bytes} from the bucket.
     *
     * @return nanoseconds to wait before moving more bytes; 0 when the bucket is not in debt
     */
    public synchronized long take(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
        }
        refill();
        availableBytes -= bytes;
        if (availableBytes >= 0) {
            return 0;
        }
        return (long) Math.ceil((double) -availableBytes * NANOS_PER_SECOND / bytesPerSecond);
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    private void refill() {
        long now = clock.nanoTime();
        long elapsed = now - refilledAtNanos;
        if (elapsed <= 0) {
            return;
        }
        double refill = (double) elapsed * bytesPerSecond / NANOS_PER_SECOND;
        long added = (long) Math.min(refill, (double) (burstBytes - availableBytes));
        if (added > 0 || availableBytes == burstBytes) {
            // Time that produced less than one byte is kept for the next call (refilledAtNanos stays).
            availableBytes += added;
            refilledAtNanos = now;
        }
    }
}
