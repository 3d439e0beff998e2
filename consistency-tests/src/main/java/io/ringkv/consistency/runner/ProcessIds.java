package io.ringkv.consistency.runner;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out client process ids. Worker {@code i} starts as process {@code i}; after an {@code :info}
 * completion its process is considered crashed (Jepsen's rule: it may still be running that operation)
 * and the worker continues as a process never used before.
 *
 * <p>Thread-safe.
 */
public final class ProcessIds {

    private final AtomicLong nextUnused;

    /** @param workers how many workers start, as processes {@code 0..workers-1} */
    public ProcessIds(int workers) {
        this.nextUnused = new AtomicLong(workers);
    }

    /** A process id nobody has used yet. */
    public long fresh() {
        return nextUnused.getAndIncrement();
    }
}
