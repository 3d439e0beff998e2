package io.ringkv.client;

import java.util.Objects;

/**
 * An acknowledged write.
 *
 * @param context covers the new value: pass it to the next write of the same key from this client to
 *     supersede this value rather than create a sibling of it
 * @param coordinator id of the node that coordinated the write
 */
public record PutResult(CausalContext context, String coordinator) {

    public PutResult {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }
}
