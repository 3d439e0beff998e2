package io.ringkv.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; for tests and simulations. Thread-safe. */
public final class ManualClock implements Clock {

    private final AtomicLong nanos;
    private final long wallClockOffsetMillis;

    public ManualClock() {
        this(0L, 1_700_000_000_000L);
    }

    public ManualClock(long startNanos, long startWallClockMillis) {
        this.nanos = new AtomicLong(startNanos);
        this.wallClockOffsetMillis = startWallClockMillis - startNanos / 1_000_000L;
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long wallClockMillis() {
        return wallClockOffsetMillis + nanos.get() / 1_000_000L;
    }

    public void advance(Duration duration) {
        advanceNanos(duration.toNanos());
    }

    public void advanceNanos(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("a clock never goes back: " + deltaNanos);
        }
        nanos.addAndGet(deltaNanos);
    }
}
