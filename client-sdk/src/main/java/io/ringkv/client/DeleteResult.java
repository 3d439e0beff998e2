package io.ringkv.client;

import java.util.Objects;

/**
 * An acknowledged delete (a tombstone written to the replicas).
 *
 * @param context covers the tombstone: a later write that carries it supersedes the delete
 * @param coordinator id of the node that coordinated the delete
 */
public record DeleteResult(CausalContext context, String coordinator) {

    public DeleteResult {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }
}
