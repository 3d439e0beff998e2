package io.ringkv.server.node;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AbdQueryRequest;
import io.ringkv.protocol.message.AbdWriteRequest;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.GossipAck2;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.HintReplayRequest;
import io.ringkv.protocol.message.HintedWriteRequest;
import io.ringkv.protocol.message.MerkleLeafRequest;
import io.ringkv.protocol.message.MerkleRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.ReplicaReadReply;
import io.ringkv.protocol.message.ReplicaReadRequest;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.ReplicaWriteRequest;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.antientropy.MerkleRequestHandler;
import io.ringkv.server.cluster.GossipMessages;
import io.ringkv.server.cluster.Topology;
import io.ringkv.server.coordinator.KeyValueService;
import io.ringkv.server.coordinator.ReadOptions;
import io.ringkv.server.coordinator.WriteOptions;
import io.ringkv.server.hints.HintStore;
import io.ringkv.server.linearizable.RegisterReplicaHandler;
import io.ringkv.server.net.InboundConnection;
import io.ringkv.server.net.MessageHandler;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.streaming.StreamEndpoint;
import io.ringkv.server.telemetry.RequestTracing;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers every binary-protocol request a node receives, from clients and from peers. Runs on the event
 * loop: storage work hops to the storage executor, coordinator work is asynchronous, gossip hops to the
 * topology thread. Failures become {@link ErrorReply}s; nothing here throws to the transport.
 */
final class NodeRequestHandler implements MessageHandler {

    private final String nodeId;
    private final KeyValueService service;
    private final ReplicaStore store;
    private final HintStore hints;
    private final RegisterReplicaHandler registers;
    private final Executor storageExecutor;
    private final Topology topology;
    private final AdminCommands admin;
    private final RequestTracing tracing;
    private final StreamEndpoint streams;
    private final MerkleRequestHandler merkle;

    NodeRequestHandler(
            String nodeId,
            KeyValueService service,
            ReplicaStore store,
            HintStore hints,
            RegisterReplicaHandler registers,
            Executor storageExecutor,
            Topology topology,
            AdminCommands admin,
            RequestTracing tracing,
            StreamEndpoint streams,
            MerkleRequestHandler merkle) {
        this.nodeId = nodeId;
        this.service = service;
        this.store = store;
        this.hints = hints;
        this.registers = registers;
        this.storageExecutor = storageExecutor;
        this.topology = topology;
        this.admin = admin;
        this.tracing = tracing;
        this.streams = streams;
        this.merkle = merkle;
    }

    @Override
    public CompletionStage<Message> handle(Envelope request, InboundConnection from) {
        Span span = tracing.startServerSpan(request);
        CompletionStage<Message> reply;
        // While the span is current, requests this one sends on synchronously (forwards, replica
        // fan-out) carry it, so one trace shows the coordinator and its replicas.
        try (Scope ignored = span.makeCurrent()) {
            reply = dispatch(request.body()).exceptionally(ClientReplies::errorReply);
        } catch (RejectedExecutionException overloaded) {
            reply = CompletableFuture.completedFuture(ErrorReply.of(
                    ErrorCode.OVERLOADED, nodeId + " has too much storage work queued; retry with backoff", true));
        } catch (RuntimeException unexpected) {
            reply = CompletableFuture.completedFuture(ClientReplies.errorReply(unexpected));
        }
        return reply.whenComplete((message, failure) -> RequestTracing.end(
                span, message instanceof ErrorReply error ? error.code().name() : null));
    }

    private CompletionStage<Message> dispatch(Message body) {
        switch (body.kind()) {
            case GET_REQUEST -> {
                GetRequest get = (GetRequest) body;
                ReadOptions options = new ReadOptions(get.r(), get.consistency(), get.timeoutMillis(), get.forwarded());
                return service.get(get.key(), options).thenApply(ClientReplies::getReply);
            }
            case PUT_REQUEST -> {
                PutRequest put = (PutRequest) body;
                WriteOptions options =
                        new WriteOptions(put.w(), put.consistency(), put.timeoutMillis(), put.forwarded());
                return service.put(put.key(), put.value(), put.context(), options)
                        .thenApply(ClientReplies::putReply);
            }
            case DELETE_REQUEST -> {
                DeleteRequest delete = (DeleteRequest) body;
                WriteOptions options =
                        new WriteOptions(delete.w(), delete.consistency(), delete.timeoutMillis(), delete.forwarded());
                return service.delete(delete.key(), delete.context(), options).thenApply(ClientReplies::deleteReply);
            }
            case REPLICA_READ_REQUEST -> {
                ReplicaReadRequest read = (ReplicaReadRequest) body;
                StorageKey key = new StorageKey(read.partition(), read.token(), read.key());
                // Answered on the event loop when the store has the key in memory, else on the storage executor.
                return store.readEncodedAsync(key, storageExecutor)
                        .thenApply(stored -> new ReplicaReadReply(stored.orElse(new byte[0])));
            }
            case REPLICA_WRITE_REQUEST -> {
                ReplicaWriteRequest write = (ReplicaWriteRequest) body;
                return merge(new StorageKey(write.partition(), write.token(), write.key()), write.siblingSet());
            }
            case HINT_REPLAY_REQUEST -> {
                HintReplayRequest replay = (HintReplayRequest) body;
                return merge(new StorageKey(replay.partition(), replay.token(), replay.key()), replay.siblingSet());
            }
            case HINTED_WRITE_REQUEST -> {
                HintedWriteRequest hinted = (HintedWriteRequest) body;
                StorageKey key = new StorageKey(hinted.partition(), hinted.token(), hinted.key());
                SiblingSet set = SiblingSetCodec.decode(hinted.siblingSet());
                return hints.add(hinted.intendedOwner(), key, set)
                        .thenApply(stored -> (Message) new ReplicaWriteReply(new byte[0]));
            }
            case STREAM_REQUEST -> {
                return streams.serve((StreamRequest) body);
            }
            case STREAM_CHUNK -> {
                // A driver pushing a partition to this node (decommission, removal).
                return streams.accept((StreamChunk) body);
            }
            case MERKLE_REQUEST -> {
                // The first request for a partition builds its tree by a scan: storage work.
                return onStorage(() -> merkle.hashes((MerkleRequest) body));
            }
            case MERKLE_LEAF_REQUEST -> {
                return onStorage(() -> merkle.leaves((MerkleLeafRequest) body));
            }
            case ABD_QUERY_REQUEST -> {
                return registers.query((AbdQueryRequest) body);
            }
            case ABD_WRITE_REQUEST -> {
                return registers.write((AbdWriteRequest) body);
            }
            case GOSSIP_SYN -> {
                return topology.handleSyn(GossipMessages.fromWire((GossipSyn) body))
                        .thenApply(GossipMessages::toWire);
            }
            case GOSSIP_ACK2 -> {
                topology.handleAck2(GossipMessages.fromWire((GossipAck2) body));
                return CompletableFuture.completedFuture(new PingReply(nodeId));
            }
            case RING_SNAPSHOT_REQUEST -> {
                RingSnapshot ring = topology.ring();
                if (ring == null) {
                    return CompletableFuture.completedFuture(
                            ErrorReply.of(ErrorCode.UNAVAILABLE, nodeId + " has not joined a ring yet", true));
                }
                return CompletableFuture.completedFuture(RingSnapshots.toReply(ring));
            }
            case ADMIN_REQUEST -> {
                return admin.handle((AdminRequest) body);
            }
            case PING_REQUEST -> {
                return CompletableFuture.completedFuture(new PingReply(nodeId));
            }
            default -> {
                return CompletableFuture.completedFuture(ErrorReply.of(
                        ErrorCode.UNSUPPORTED_MESSAGE, nodeId + " does not serve " + body.kind() + " requests", true));
            }
        }
    }

    /**
     * Merges a replica write into the local store. The reply is empty once the merge is durable: no
     * coordinator needs the stored result, and echoing it would double the replication traffic.
     */
    private CompletionStage<Message> merge(StorageKey key, byte[] encodedSet) {
        SiblingSet incoming = SiblingSetCodec.decode(encodedSet);
        return CompletableFuture.supplyAsync(() -> store.apply(key, incoming), storageExecutor)
                .thenCompose(Function.identity())
                .thenApply(stored -> new ReplicaWriteReply(new byte[0]));
    }

    private CompletionStage<Message> onStorage(Supplier<Message> work) {
        return CompletableFuture.supplyAsync(work, storageExecutor);
    }
}
