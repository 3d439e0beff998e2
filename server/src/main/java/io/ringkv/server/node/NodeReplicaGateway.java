package io.ringkv.server.node;

import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.HintedWriteRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.ReplicaReadReply;
import io.ringkv.protocol.message.ReplicaReadRequest;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.ReplicaWriteRequest;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.coordinator.ReplicaGateway;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.hints.HintStore;
import io.ringkv.server.membership.PeerAddress;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Replica operations by node id: this node's own replica goes straight to its {@link ReplicaStore} (reads
 * the store can answer from memory at once, everything else on the storage executor, never blocking an
 * event loop), another node's through an internode request.
 */
final class NodeReplicaGateway implements ReplicaGateway {

    private final String localNodeId;
    private final ReplicaStore store;
    private final HintStore hints;
    private final Executor storageExecutor;
    private final PeerMessenger peers;
    private final Function<String, Optional<PeerAddress>> addressOf;
    private final boolean hintsEnabled;

    NodeReplicaGateway(
            String localNodeId,
            ReplicaStore store,
            HintStore hints,
            Executor storageExecutor,
            PeerMessenger peers,
            Function<String, Optional<PeerAddress>> addressOf,
            boolean hintsEnabled) {
        this.localNodeId = localNodeId;
        this.store = store;
        this.hints = hints;
        this.storageExecutor = storageExecutor;
        this.peers = peers;
        this.addressOf = addressOf;
        this.hintsEnabled = hintsEnabled;
    }

    @Override
    public CompletionStage<Optional<SiblingSet>> read(String nodeId, StorageKey key, long timeoutMillis) {
        if (nodeId.equals(localNodeId)) {
            return store.readAsync(key, storageExecutor);
        }
        ReplicaReadRequest request = new ReplicaReadRequest(key.key(), key.partition(), key.token());
        return send(nodeId, request, timeoutMillis).thenApply(reply -> {
            if (reply instanceof ReplicaReadReply read) {
                return read.siblingSet().length == 0
                        ? Optional.empty()
                        : Optional.of(SiblingSetCodec.decode(read.siblingSet()));
            }
            throw refused(nodeId, reply);
        });
    }

    @Override
    public CompletionStage<SiblingSet> write(String nodeId, StorageKey key, SiblingSet set, long timeoutMillis) {
        if (nodeId.equals(localNodeId)) {
            return CompletableFuture.supplyAsync(() -> store.apply(key, set), storageExecutor)
                    .thenCompose(Function.identity());
        }
        ReplicaWriteRequest request =
                new ReplicaWriteRequest(key.key(), key.partition(), key.token(), SiblingSetCodec.encode(set));
        return send(nodeId, request, timeoutMillis).thenApply(reply -> {
            if (reply instanceof ReplicaWriteReply written) {
                return written.siblingSet().length == 0 ? set : SiblingSetCodec.decode(written.siblingSet());
            }
            throw refused(nodeId, reply);
        });
    }

    @Override
    public CompletionStage<Void> writeHint(
            String standIn, String intendedOwner, StorageKey key, SiblingSet set, long timeoutMillis) {
        if (!hintsEnabled) {
            // hints.enabled: false leaves a missed replica to read repair and anti-entropy.
            return CompletableFuture.failedFuture(new ReplicaUnreachableException(
                    standIn, ErrorCode.UNAVAILABLE, "hinted handoff is disabled (hints.enabled: false)"));
        }
        if (standIn.equals(localNodeId)) {
            return hints.add(intendedOwner, key, set);
        }
        HintedWriteRequest request = new HintedWriteRequest(
                intendedOwner, key.key(), key.partition(), key.token(), SiblingSetCodec.encode(set));
        return send(standIn, request, timeoutMillis).thenApply(reply -> {
            if (reply instanceof ReplicaWriteReply) {
                return null;
            }
            throw refused(standIn, reply);
        });
    }

    @Override
    public CompletionStage<SiblingSet> updateLocal(StorageKey key, UnaryOperator<SiblingSet> update) {
        return CompletableFuture.supplyAsync(() -> store.update(key, update), storageExecutor)
                .thenCompose(Function.identity());
    }

    private CompletionStage<Message> send(String nodeId, Message request, long timeoutMillis) {
        Optional<PeerAddress> address = addressOf.apply(nodeId);
        if (address.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new ReplicaUnreachableException(nodeId, ErrorCode.UNAVAILABLE, "no address known for " + nodeId));
        }
        return peers.request(nodeId, address.get(), request, TraceContext.EMPTY, timeoutMillis);
    }

    private static ReplicaUnreachableException refused(String nodeId, Message reply) {
        if (reply instanceof ErrorReply error) {
            return new ReplicaUnreachableException(nodeId, error.code(), nodeId + " refused: " + error.message());
        }
        return new ReplicaUnreachableException(nodeId, ErrorCode.INTERNAL, nodeId + " sent " + reply.kind());
    }
}
