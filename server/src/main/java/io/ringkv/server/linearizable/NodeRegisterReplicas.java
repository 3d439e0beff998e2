package io.ringkv.server.linearizable;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AbdQueryReply;
import io.ringkv.protocol.message.AbdWriteReply;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.storage.StorageKey;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * {@link RegisterReplicas} of a running node: this node's own replica through its
 * {@link RegisterReplicaHandler} (on the storage executor), any other through an internode request.
 */
public final class NodeRegisterReplicas implements RegisterReplicas {

    private final String localNodeId;
    private final RegisterReplicaHandler local;
    private final PeerRequests peers;

    public NodeRegisterReplicas(String localNodeId, RegisterReplicaHandler local, PeerRequests peers) {
        this.localNodeId = Objects.requireNonNull(localNodeId, "localNodeId");
        this.local = Objects.requireNonNull(local, "local");
        this.peers = Objects.requireNonNull(peers, "peers");
    }

    @Override
    public CompletionStage<Register> query(String nodeId, StorageKey key, long timeoutMillis) {
        if (nodeId.equals(localNodeId)) {
            return onLocal(() -> local.read(key));
        }
        return peers.request(nodeId, RegisterMessages.query(key), timeoutMillis).thenApply(reply -> {
            if (reply instanceof AbdQueryReply query) {
                return RegisterMessages.fromQueryReply(query);
            }
            throw refused(nodeId, reply);
        });
    }

    @Override
    public CompletionStage<Void> write(String nodeId, StorageKey key, Register register, long timeoutMillis) {
        if (nodeId.equals(localNodeId)) {
            return onLocal(() -> local.write(key, register)).thenApply(stored -> null);
        }
        return peers.request(nodeId, RegisterMessages.write(key, register), timeoutMillis)
                .thenApply(reply -> {
                    if (reply instanceof AbdWriteReply) {
                        return null;
                    }
                    throw refused(nodeId, reply);
                });
    }

    private <T> CompletionStage<T> onLocal(Supplier<CompletionStage<T>> work) {
        try {
            return work.get();
        } catch (RejectedExecutionException overloaded) {
            return CompletableFuture.failedFuture(new ReplicaUnreachableException(
                    localNodeId, ErrorCode.OVERLOADED, localNodeId + " has too much storage work queued"));
        }
    }

    private static ReplicaUnreachableException refused(String nodeId, Message reply) {
        if (reply instanceof ErrorReply error) {
            return new ReplicaUnreachableException(nodeId, error.code(), nodeId + " refused: " + error.message());
        }
        return new ReplicaUnreachableException(nodeId, ErrorCode.INTERNAL, nodeId + " sent " + reply.kind());
    }
}
