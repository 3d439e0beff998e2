package io.ringkv.causal;

import io.ringkv.time.Clock;
import java.util.Objects;

/**
 * Allocates the incarnation a node writes into its {@link ActorId} for one run of the process.
 *
 * <p>A node takes a fresh incarnation at every start, before it coordinates any write. Dots are
 * {@code (actor, counter)} pairs and a counter is derived from the stored context of the key, so a node
 * whose data directory was lost, wiped or restored from an older backup would otherwise count again
 * from an old value and reissue a dot it already gave to a different write; replicas that saw the first
 * write would then take the second for it and drop it. A new incarnation is a new actor with counters
 * starting at 1, so no dot can ever be issued twice.
 *
 * <p>The server persists the last incarnation in its node metadata and passes it to {@link #next}. The
 * wall clock makes the value grow even when that metadata was itself lost with the data directory
 * (the new value is then larger than any earlier one unless the clock went back by more than the
 * node's whole earlier life); {@code last + 1} keeps it strictly increasing when the clock did go back.
 */
public final class Incarnations {

    private Incarnations() {}

    /**
     * The incarnation for this start: {@code max(clock.wallClockMillis(), lastIncarnation + 1)}.
     *
     * @param lastIncarnation the incarnation persisted by the previous start, or {@code -1} (or any
     *     negative value) when none is known
     * @throws IllegalStateException if {@code lastIncarnation} is {@link Long#MAX_VALUE}
     */
    public static long next(long lastIncarnation, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (lastIncarnation == Long.MAX_VALUE) {
            throw new IllegalStateException("incarnations exhausted");
        }
        return Math.max(Math.max(clock.wallClockMillis(), lastIncarnation + 1), 0L);
    }
}
