package io.ringkv.server.coordinator;

import java.util.concurrent.CompletionStage;

/**
 * Sends a client request to another node that is in the key's preference list, for a node that is
 * not. The options passed on are marked forwarded. Stages fail with {@link RequestFailedException}
 * (the target's own answer) or {@link ReplicaUnreachableException}.
 */
public interface RequestForwarder {

    CompletionStage<ReadResult> get(String nodeId, byte[] key, ReadOptions options);

    CompletionStage<WriteResult> put(String nodeId, byte[] key, byte[] value, byte[] context, WriteOptions options);

    CompletionStage<WriteResult> delete(String nodeId, byte[] key, byte[] context, WriteOptions options);
}
