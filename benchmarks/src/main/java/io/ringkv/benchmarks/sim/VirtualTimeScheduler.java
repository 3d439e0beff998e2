package io.ringkv.benchmarks.sim;

import io.ringkv.time.Clock;
import io.ringkv.time.ManualClock;
import java.util.PriorityQueue;

/**
 * The heart of the simulator: a priority queue of events in virtual time and the {@link Clock} every
 * simulated component reads. Running an event first moves the clock to the event's time, so no thread
 * ever sleeps and a simulated minute takes only as long as its events take to compute. Events at the same
 * instant run in the order they were scheduled, which keeps runs reproducible. Single-threaded.
 */
public final class VirtualTimeScheduler {

    private record Event(long atNanos, long sequence, Runnable action) {}

    private final ManualClock clock = new ManualClock();
    private final PriorityQueue<Event> queue = new PriorityQueue<>((left, right) -> left.atNanos != right.atNanos
            ? Long.compare(left.atNanos, right.atNanos)
            : Long.compare(left.sequence, right.sequence));
    private long sequence;
    private long eventsRun;

    /** The clock to inject into simulated components; it moves only when events run. */
    public Clock clock() {
        return clock;
    }

    public long nowNanos() {
        return clock.nanoTime();
    }

    /** How many events have run so far. */
    public long eventsRun() {
        return eventsRun;
    }

    /** Runs {@code action} {@code delayNanos} from now (0 means after the events already due now). */
    public void schedule(long delayNanos, Runnable action) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("cannot schedule into the past: " + delayNanos);
        }
        queue.add(new Event(clock.nanoTime() + delayNanos, sequence++, action));
    }

    /** Runs every event due up to {@code now + durationNanos}; the clock ends exactly there. */
    public void runFor(long durationNanos) {
        long end = clock.nanoTime() + durationNanos;
        while (!queue.isEmpty() && queue.peek().atNanos <= end) {
            Event event = queue.poll();
            clock.advanceNanos(event.atNanos - clock.nanoTime());
            eventsRun++;
            event.action.run();
        }
        clock.advanceNanos(end - clock.nanoTime());
    }
}
