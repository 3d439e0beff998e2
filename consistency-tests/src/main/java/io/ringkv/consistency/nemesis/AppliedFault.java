package io.ringkv.consistency.nemesis;

import java.util.Objects;

/**
 * A fault as it actually happened during a run, on the history's {@code :time} clock.
 *
 * @param fault what was injected
 * @param startNanos when injection began
 * @param endNanos when healing finished
 */
public record AppliedFault(Fault fault, long startNanos, long endNanos) {

    public AppliedFault {
        Objects.requireNonNull(fault, "fault");
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("a fault ends after it starts: " + startNanos + ".." + endNanos);
        }
    }

    /** A short label for reports: {@code partition halves ...}, {@code kill [n2]}. */
    public String label() {
        return fault.describe();
    }
}
