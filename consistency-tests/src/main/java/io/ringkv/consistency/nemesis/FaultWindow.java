package io.ringkv.consistency.nemesis;

import java.util.Objects;

/**
 * A planned fault: injected {@code startMillis} after the workload starts, healed at {@code endMillis}.
 *
 * @param startMillis when to inject, from the start of the run
 * @param endMillis when to heal, from the start of the run; after {@code startMillis}
 * @param fault what to inject
 */
public record FaultWindow(long startMillis, long endMillis, Fault fault) {

    public FaultWindow {
        if (startMillis < 0 || endMillis <= startMillis) {
            throw new IllegalArgumentException(
                    "a fault window needs 0 <= start < end, was " + startMillis + ".." + endMillis);
        }
        Objects.requireNonNull(fault, "fault");
    }
}
