package io.ringkv.consistency.report;

import java.util.Objects;

/**
 * How many invocations of one function, in one part of the run, were acknowledged.
 *
 * @param f the function name ({@code read}, {@code write}, {@code add})
 * @param window which part of the run: {@link AvailabilityCalculator#INSIDE_FAULTS}, {@link
 *     AvailabilityCalculator#OUTSIDE_FAULTS}, or one fault interval's label with its 1-based number
 *     ({@code "#2 kill [n1]"})
 * @param invocations operations invoked in that part
 * @param acknowledged of those, completed {@code :ok}
 * @param failed of those, completed {@code :fail}
 * @param indeterminate of those, completed {@code :info} or never completed
 */
public record AvailabilityRow(
        String f, String window, long invocations, long acknowledged, long failed, long indeterminate) {

    public AvailabilityRow {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(window, "window");
        if (acknowledged + failed + indeterminate != invocations) {
            throw new IllegalArgumentException("outcomes must add up to the invocations");
        }
    }

    /** {@code acknowledged / invocations}; {@code NaN} when nothing was invoked. */
    public double acknowledgedFraction() {
        return invocations == 0 ? Double.NaN : (double) acknowledged / invocations;
    }
}
