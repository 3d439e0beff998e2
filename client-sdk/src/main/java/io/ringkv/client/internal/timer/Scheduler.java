package io.ringkv.client.internal.timer;

/**
 * Runs a task after a delay: request timeouts, speculative reads, reconnection backoff, waits for an
 * in-flight slot. Production code uses {@link WheelScheduler}; tests step a manual implementation.
 */
public interface Scheduler {

    /** Schedules {@code task} to run once after {@code delayNanos}; the handle cancels it. */
    Cancellable schedule(Runnable task, long delayNanos);
}
