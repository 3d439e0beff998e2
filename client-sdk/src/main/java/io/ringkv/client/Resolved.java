package io.ringkv.client;

import java.util.Objects;
import java.util.Optional;

/**
 * A read whose siblings were merged by a {@link SiblingResolver}.
 *
 * @param found whether the key had a live value
 * @param value the merged value; null when not found (use {@link #optionalValue()} to avoid the null)
 * @param siblingCount how many siblings were merged (0 when not found); above one means the read saw
 *     concurrent writes, and writing {@code value} back with {@code context} settles them
 * @param context the causal context of the read, to send with the write that stores the merged value
 * @param coordinator id of the node that coordinated the read
 * @param <T> the resolver's result type
 */
public record Resolved<T>(boolean found, T value, int siblingCount, CausalContext context, String coordinator) {

    public Resolved {
        if (found) {
            Objects.requireNonNull(value, "a found value must not be null");
        }
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }

    public Optional<T> optionalValue() {
        return Optional.ofNullable(value);
    }
}
