package io.ringkv.server.coordinator;

import java.util.Objects;

/**
 * The answer to an acknowledged write.
 *
 * @param context the causal context of the new version (covers it and everything it superseded)
 * @param coordinator the node that coordinated the write
 */
public record WriteResult(byte[] context, String coordinator) {

    public WriteResult {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }
}
