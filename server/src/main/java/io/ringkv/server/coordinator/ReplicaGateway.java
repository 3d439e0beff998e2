package io.ringkv.server.coordinator;

import io.ringkv.causal.SiblingSet;
import io.ringkv.server.storage.StorageKey;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Replica operations addressed by node id, whether the node is this one (local storage) or a peer
 * (an internode request). Stages complete exceptionally with {@link ReplicaUnreachableException} when
 * the peer cannot be reached or does not answer within {@code timeoutMillis}.
 */
public interface ReplicaGateway {

    CompletionStage<Optional<SiblingSet>> read(String nodeId, StorageKey key, long timeoutMillis);

    /** Merges {@code set} into the replica's copy; completes when the replica has stored it durably. */
    CompletionStage<SiblingSet> write(String nodeId, StorageKey key, SiblingSet set, long timeoutMillis);

    /** Sloppy-quorum write: {@code standIn} stores {@code set} as a hint for {@code intendedOwner}. */
    CompletionStage<Void> writeHint(
            String standIn, String intendedOwner, StorageKey key, SiblingSet set, long timeoutMillis);

    /**
     * Atomically replaces this node's copy of {@code key} with {@code update(stored)} and returns the
     * result. The update must run under the key's lock so that two writes through this coordinator never
     * read the same stored set and issue the same dot.
     */
    CompletionStage<SiblingSet> updateLocal(StorageKey key, UnaryOperator<SiblingSet> update);
}
