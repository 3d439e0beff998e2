package io.ringkv.server.streaming;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@link StreamPeers} of a running node: this node's own storage through its {@link StreamEndpoint}
 * (no network), a peer through a {@code StreamRequest} (pull) or a {@code StreamChunk} sent as a request
 * (push, answered with an empty {@code ReplicaWriteReply} once merged).
 */
public final class NodeStreamPeers implements StreamPeers {

    private final String localNodeId;
    private final StreamEndpoint local;
    private final Executor storageExecutor;
    private final StreamTransport transport;

    public NodeStreamPeers(
            String localNodeId, StreamEndpoint local, Executor storageExecutor, StreamTransport transport) {
        this.localNodeId = Objects.requireNonNull(localNodeId, "localNodeId");
        this.local = Objects.requireNonNull(local, "local");
        this.storageExecutor = Objects.requireNonNull(storageExecutor, "storageExecutor");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public CompletionStage<StreamChunk> fetch(String source, StreamRequest request, long timeoutMillis) {
        if (source.equals(localNodeId)) {
            return CompletableFuture.supplyAsync(() -> local.read(request), storageExecutor);
        }
        return transport.request(source, request, timeoutMillis).thenApply(reply -> {
            if (reply instanceof StreamChunk chunk && chunk.partition() == request.partition()) {
                return chunk;
            }
            throw refused(source, reply);
        });
    }

    @Override
    public CompletionStage<Void> deliver(String gainer, StreamChunk chunk, long timeoutMillis) {
        if (gainer.equals(localNodeId)) {
            return CompletableFuture.supplyAsync(() -> local.apply(chunk), storageExecutor)
                    .thenCompose(applied -> applied);
        }
        return transport.request(gainer, chunk, timeoutMillis).thenApply(reply -> {
            if (reply instanceof ReplicaWriteReply) {
                return null;
            }
            throw refused(gainer, reply);
        });
    }

    private static ReplicaUnreachableException refused(String nodeId, Message reply) {
        if (reply instanceof ErrorReply error) {
            return new ReplicaUnreachableException(nodeId, error.code(), nodeId + " refused: " + error.message());
        }
        return new ReplicaUnreachableException(nodeId, ErrorCode.INTERNAL, nodeId + " sent " + reply.kind());
    }
}
