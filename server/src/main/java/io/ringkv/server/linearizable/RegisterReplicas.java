package io.ringkv.server.linearizable;

import io.ringkv.server.storage.StorageKey;
import java.util.concurrent.CompletionStage;

/**
 * The two replica operations of the ABD algorithm, addressed by node id, whether the node is this one
 * (its {@link RegisterStore}) or a peer (an internode request). Stages complete exceptionally with
 * {@link io.ringkv.server.coordinator.ReplicaUnreachableException} when the replica cannot be reached,
 * refuses, or does not answer within {@code timeoutMillis}. Implementations never block the caller.
 */
public interface RegisterReplicas {

    /** Phase 1: the replica's durable register state for {@code key}. */
    CompletionStage<Register> query(String nodeId, StorageKey key, long timeoutMillis);

    /**
     * Phase 2: the replica stores {@code register} if its tag is newer than the stored one; completes once
     * the replica durably holds that tag or a newer one.
     */
    CompletionStage<Void> write(String nodeId, StorageKey key, Register register, long timeoutMillis);
}
