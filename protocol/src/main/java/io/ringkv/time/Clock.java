package io.ringkv.time;

/**
 * The one source of time. Only {@link SystemClock} reads the system; tests step a {@link ManualClock}.
 *
 * <p>{@link #nanoTime()} is monotonic and used for timeouts, failure detection and scheduling;
 * {@link #wallClockMillis()} is wall time, used only where a human-meaningful timestamp is stored
 * (last-write-wins tie breaks, tombstone grace periods, history timestamps).
 */
public interface Clock {

    long nanoTime();

    long wallClockMillis();
}
