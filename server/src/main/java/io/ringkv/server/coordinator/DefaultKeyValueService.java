package io.ringkv.server.coordinator;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.MalformedCausalDataException;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.VersionVector;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The node's {@link KeyValueService}: validates a request, finds the key's preference list in the
 * current ring, and either coordinates it here (this node is in the list) or forwards it to the first
 * live node that is. Validation failures are definite: nothing was sent anywhere.
 *
 * <p>Requests whose consistency is {@code LINEARIZABLE} go straight to the separate service for that mode,
 * which validates them itself and never forwards them (its register is kept apart from the sibling sets;
 * see {@code docs/linearizable.md}).
 */
public final class DefaultKeyValueService implements KeyValueService {

    private final CoordinatorConfig config;
    private final ClusterView cluster;
    private final RequestForwarder forwarder;
    private final CoordinatorMetrics metrics;
    private final ReadCoordinator reads;
    private final WriteCoordinator writes;
    private final KeyValueService linearizable;

    /** A service without the LINEARIZABLE mode: such requests fail with {@code BAD_REQUEST}. */
    public DefaultKeyValueService(
            CoordinatorConfig config,
            ActorId actor,
            ClusterView cluster,
            ReplicaGateway replicas,
            RequestForwarder forwarder,
            TimeoutScheduler scheduler,
            Clock clock,
            CoordinatorMetrics metrics) {
        this(config, actor, cluster, replicas, forwarder, scheduler, clock, metrics, new UnwiredLinearizableMode());
    }

    /** @param linearizable serves every request whose consistency is {@code LINEARIZABLE} */
    public DefaultKeyValueService(
            CoordinatorConfig config,
            ActorId actor,
            ClusterView cluster,
            ReplicaGateway replicas,
            RequestForwarder forwarder,
            TimeoutScheduler scheduler,
            Clock clock,
            CoordinatorMetrics metrics,
            KeyValueService linearizable) {
        if (!actor.nodeId().equals(config.nodeId())) {
            throw new IllegalArgumentException("actor " + actor + " is not node " + config.nodeId());
        }
        this.config = config;
        this.cluster = cluster;
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.reads = new ReadCoordinator(config, replicas, scheduler, metrics);
        this.writes = new WriteCoordinator(config, actor, cluster, replicas, scheduler, clock, metrics);
        this.linearizable = Objects.requireNonNull(linearizable, "linearizable");
    }

    @Override
    public CompletionStage<ReadResult> get(byte[] key, ReadOptions options) {
        if (options.consistency() == Consistency.LINEARIZABLE) {
            return linearizable.get(key, options);
        }
        return guarded(() -> {
            RingSnapshot ring = currentRing();
            int readQuorum = quorum(options.readQuorum(), config.defaultReadQuorum(), ring, "R");
            ResolvedRequest request = resolve(ring, key, options.consistency(), options.timeoutMillis());
            if (!request.plan().preferenceList().contains(config.nodeId())) {
                return forward(request, options.forwarded(), node -> forwarder.get(node, key, options.asForwarded()));
            }
            return reads.read(request, readQuorum);
        });
    }

    @Override
    public CompletionStage<WriteResult> put(byte[] key, byte[] value, byte[] context, WriteOptions options) {
        if (options.consistency() == Consistency.LINEARIZABLE) {
            return linearizable.put(key, value, context, options);
        }
        return write(key, value, false, context, options);
    }

    @Override
    public CompletionStage<WriteResult> delete(byte[] key, byte[] context, WriteOptions options) {
        if (options.consistency() == Consistency.LINEARIZABLE) {
            return linearizable.delete(key, context, options);
        }
        return write(key, new byte[0], true, context, options);
    }

    private CompletionStage<WriteResult> write(
            byte[] key, byte[] value, boolean tombstone, byte[] context, WriteOptions options) {
        return guarded(() -> {
            RingSnapshot ring = currentRing();
            int writeQuorum = quorum(options.writeQuorum(), config.defaultWriteQuorum(), ring, "W");
            if (value.length > config.objectMaxBytes()) {
                throw RequestFailedException.rejected(
                        ErrorCode.VALUE_TOO_LARGE,
                        "the value has " + value.length + " bytes (max " + config.objectMaxBytes() + ")");
            }
            VersionVector clientContext = decodeContext(context);
            ResolvedRequest request = resolve(ring, key, options.consistency(), options.timeoutMillis());
            if (!request.plan().preferenceList().contains(config.nodeId())) {
                WriteOptions forwarded = options.asForwarded();
                return forward(
                        request,
                        options.forwarded(),
                        node -> tombstone
                                ? forwarder.delete(node, key, context, forwarded)
                                : forwarder.put(node, key, value, context, forwarded));
            }
            return writes.write(request, value, tombstone, clientContext, writeQuorum);
        });
    }

    private RingSnapshot currentRing() {
        RingSnapshot ring = cluster.ring();
        if (ring == null) {
            throw RequestFailedException.rejected(
                    ErrorCode.UNAVAILABLE, config.nodeId() + " has not joined a ring yet; retry shortly");
        }
        return ring;
    }

    private <T> CompletionStage<T> forward(
            ResolvedRequest request, boolean alreadyForwarded, Function<String, CompletionStage<T>> send) {
        if (alreadyForwarded) {
            // Our ring view disagrees with the forwarder's; answering NOT_REPLICA lets it retry with a
            // fresher ring instead of bouncing the request between nodes.
            throw RequestFailedException.rejected(
                    ErrorCode.NOT_REPLICA,
                    config.nodeId() + " is not a replica of this key in ring version "
                            + cluster.ring().version());
        }
        List<String> alive = request.plan().alivePreferred();
        if (alive.isEmpty()) {
            throw RequestFailedException.rejected(
                    ErrorCode.UNAVAILABLE, "no replica of this key is reachable from " + config.nodeId());
        }
        metrics.forwarded();
        return forwardTo(alive, 0, send);
    }

    /**
     * Sends to {@code candidates[index]}; when the request definitely never reached it (no connection:
     * a replica that died before this node's failure detector noticed), tries the next replica. A
     * request that may have reached its target is never sent twice.
     */
    private <T> CompletionStage<T> forwardTo(
            List<String> candidates, int index, Function<String, CompletionStage<T>> send) {
        return send.apply(candidates.get(index))
                .handle((result, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedStage(result);
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    boolean neverSent = cause instanceof RequestFailedException rejected
                            && rejected.definite()
                            && rejected.code() == ErrorCode.UNAVAILABLE;
                    if (neverSent && index + 1 < candidates.size()) {
                        return forwardTo(candidates, index + 1, send);
                    }
                    return CompletableFuture.<T>failedStage(cause);
                })
                .thenCompose(Function.identity());
    }

    private ResolvedRequest resolve(RingSnapshot ring, byte[] key, Consistency consistency, long timeoutMillis) {
        if (key.length == 0 || key.length > config.maxKeyBytes()) {
            throw RequestFailedException.rejected(
                    key.length == 0 ? ErrorCode.BAD_REQUEST : ErrorCode.KEY_TOO_LARGE,
                    "a key must have 1.." + config.maxKeyBytes() + " bytes, this one has " + key.length);
        }
        long token = ring.partitioner().token(key);
        int partition = ring.partitioner().partitionOf(token);
        ReplicaPlan plan = ReplicaPlan.of(ring, partition, cluster);
        long timeout = timeoutMillis == 0 ? config.requestTimeoutMillis() : timeoutMillis;
        return new ResolvedRequest(
                new StorageKey(partition, token, key), plan, consistency == Consistency.STRICT, timeout);
    }

    private static int quorum(int requested, int configuredDefault, RingSnapshot ring, String name) {
        int replicationFactor = ring.replicationFactor();
        int effective = requested == 0 ? Math.min(configuredDefault, replicationFactor) : requested;
        if (effective < 1 || effective > replicationFactor) {
            throw RequestFailedException.rejected(
                    ErrorCode.BAD_REQUEST,
                    name + " must be between 1 and N=" + replicationFactor + ", was " + effective);
        }
        return effective;
    }

    /** Stands in for the LINEARIZABLE mode where a node did not wire it (e.g. a test of the other modes). */
    private static final class UnwiredLinearizableMode implements KeyValueService {

        @Override
        public CompletionStage<ReadResult> get(byte[] key, ReadOptions options) {
            return refuse();
        }

        @Override
        public CompletionStage<WriteResult> put(byte[] key, byte[] value, byte[] context, WriteOptions options) {
            return refuse();
        }

        @Override
        public CompletionStage<WriteResult> delete(byte[] key, byte[] context, WriteOptions options) {
            return refuse();
        }

        private static <T> CompletionStage<T> refuse() {
            return CompletableFuture.failedFuture(
                    RequestFailedException.rejected(ErrorCode.BAD_REQUEST, "linearizable mode not wired"));
        }
    }

    private static VersionVector decodeContext(byte[] context) {
        if (context.length == 0) {
            return VersionVector.EMPTY;
        }
        try {
            return SiblingSetCodec.decodeContext(context);
        } catch (MalformedCausalDataException malformed) {
            throw RequestFailedException.rejected(
                    ErrorCode.INVALID_CONTEXT, "the context is not one this store issued: " + malformed.getMessage());
        }
    }

    /** Turns a synchronous validation failure into a failed stage, so callers handle one path. */
    private static <T> CompletionStage<T> guarded(java.util.function.Supplier<CompletionStage<T>> body) {
        try {
            return body.get();
        } catch (RequestFailedException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }
}
