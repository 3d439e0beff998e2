package io.ringkv.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a read found for one key.
 *
 * <ul>
 *   <li>{@code found} is false when the key has no live value: it was never written, or its last write
 *       was a delete. The {@code context} may still be non-empty after a delete; keep it, since a write
 *       that carries it supersedes the tombstone instead of becoming its sibling.
 *   <li>{@code siblings} holds one value normally and several when writes were concurrent (neither
 *       saw the other). Resolve them (see {@link SiblingResolver}) and write the result back with
 *       {@code context}: that write supersedes all of them.
 * </ul>
 *
 * @param found whether the key has at least one live value
 * @param siblings the live values; empty when not found
 * @param context the causal context to send with the next write of this key
 * @param coordinator id of the node that coordinated the read
 */
public record GetResult(boolean found, List<Sibling> siblings, CausalContext context, String coordinator) {

    public GetResult {
        siblings = List.copyOf(siblings);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }

    /** True when concurrent writes left more than one value. */
    public boolean hasConflict() {
        return siblings.size() > 1;
    }

    /**
     * The value when there is exactly one.
     *
     * @throws IllegalStateException when the key was not found or has several siblings; check
     *     {@link #found()} and {@link #hasConflict()} first, or use a {@link SiblingResolver}
     */
    public byte[] value() {
        if (siblings.size() != 1) {
            throw new IllegalStateException(
                    siblings.isEmpty()
                            ? "the key has no value"
                            : "the key has " + siblings.size() + " concurrent values; resolve the siblings");
        }
        return siblings.get(0).value();
    }

    /** {@link #value()} decoded as UTF-8; throws like {@link #value()}. */
    public String valueAsString() {
        return new String(value(), StandardCharsets.UTF_8);
    }
}
