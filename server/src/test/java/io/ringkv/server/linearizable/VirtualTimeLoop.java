package io.ringkv.server.linearizable;

import io.ringkv.server.coordinator.TimeoutScheduler;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded discrete-event loop on virtual milliseconds: every message delivery, reply and timeout
 * of a simulation is an event, run in time order (ties in scheduling order), so a seeded run is exactly
 * reproducible and takes no wall time.
 */
final class VirtualTimeLoop implements TimeoutScheduler {

    private record Event(long atMillis, long sequence, Runnable task) {}

    private final PriorityQueue<Event> events = new PriorityQueue<>((left, right) -> left.atMillis != right.atMillis
            ? Long.compare(left.atMillis, right.atMillis)
            : Long.compare(left.sequence, right.sequence));
    private long nowMillis;
    private long nextSequence;

    @Override
    public void schedule(Runnable task, long delay, TimeUnit unit) {
        after(unit.toMillis(delay), task);
    }

    void after(long delayMillis, Runnable task) {
        events.add(new Event(nowMillis + delayMillis, nextSequence++, task));
    }

    long nowMillis() {
        return nowMillis;
    }

    /** Runs events until none is left. */
    void runUntilIdle() {
        Event next;
        while ((next = events.poll()) != null) {
            nowMillis = next.atMillis;
            next.task.run();
        }
    }
}
