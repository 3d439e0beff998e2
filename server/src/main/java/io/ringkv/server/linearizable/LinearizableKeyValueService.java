package io.ringkv.server.linearizable;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.coordinator.ClusterView;
import io.ringkv.server.coordinator.CoordinatorConfig;
import io.ringkv.server.coordinator.KeyValueService;
import io.ringkv.server.coordinator.ReadOptions;
import io.ringkv.server.coordinator.ReadResult;
import io.ringkv.server.coordinator.RequestFailedException;
import io.ringkv.server.coordinator.TimeoutScheduler;
import io.ringkv.server.coordinator.WriteOptions;
import io.ringkv.server.coordinator.WriteResult;
import io.ringkv.server.storage.StorageKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The client-facing side of the {@code LINEARIZABLE} mode: validates a request, finds the key's true
 * preference list in the current ring (and in the pending ring while a membership transition is in
 * flight, for {@code AbdCoordinator}'s joint quorums), and runs the ABD algorithm from this node. Any node coordinates:
 * nothing is forwarded, since the coordinator only talks to the replicas and keeps no state of its own.
 *
 * <p>Differences from the other modes, by design: R and W are ignored (every phase needs a majority of
 * the preference list); a write's context is ignored and the reply's context is empty (the register
 * orders writes by tag, not by causality); a read returns at most one value, with {@code wallClockMillis}
 * 0 (replicas store no timestamp). The registers are separate from the sibling sets of the same key.
 *
 * <p>{@code DefaultKeyValueService} hands it every request whose consistency is {@code LINEARIZABLE}.
 * Non-blocking; see {@link AbdCoordinator} for threading.
 *
 * @see io.ringkv.server.coordinator.DefaultKeyValueService
 */
public final class LinearizableKeyValueService implements KeyValueService {

    private static final byte[] NO_CONTEXT = new byte[0];

    private final CoordinatorConfig config;
    private final ClusterView cluster;
    private final AbdCoordinator coordinator;

    /**
     * @param writerId names this node and this run of it in the tags of its writes (e.g. {@code
     *     node-id/incarnation}); it must differ from every other node's and from this node's earlier runs
     */
    public LinearizableKeyValueService(
            CoordinatorConfig config,
            String writerId,
            ClusterView cluster,
            RegisterReplicas replicas,
            TimeoutScheduler scheduler) {
        this.config = config;
        this.cluster = cluster;
        this.coordinator = new AbdCoordinator(new TagIssuer(writerId), cluster, replicas, scheduler);
    }

    @Override
    public CompletionStage<ReadResult> get(byte[] key, ReadOptions options) {
        return guarded(() -> coordinator
                .read(resolve(key, options.timeoutMillis()))
                .thenApply(register -> new ReadResult(
                        register.present() ? List.of(new ClientSibling(register.value(), 0)) : List.of(),
                        NO_CONTEXT,
                        config.nodeId())));
    }

    @Override
    public CompletionStage<WriteResult> put(byte[] key, byte[] value, byte[] context, WriteOptions options) {
        return guarded(() -> {
            if (value.length > config.objectMaxBytes()) {
                throw RequestFailedException.rejected(
                        ErrorCode.VALUE_TOO_LARGE,
                        "the value has " + value.length + " bytes (max " + config.objectMaxBytes() + ")");
            }
            return write(resolve(key, options.timeoutMillis()), value, false);
        });
    }

    @Override
    public CompletionStage<WriteResult> delete(byte[] key, byte[] context, WriteOptions options) {
        return guarded(() -> write(resolve(key, options.timeoutMillis()), new byte[0], true));
    }

    private CompletionStage<WriteResult> write(RegisterRequest request, byte[] value, boolean tombstone) {
        return coordinator
                .write(request, value, tombstone)
                .thenApply(tag -> new WriteResult(NO_CONTEXT, config.nodeId()));
    }

    /** Validates the key and builds its request from one ring snapshot; package-private for tests. */
    RegisterRequest resolve(byte[] key, long timeoutMillis) {
        RingSnapshot ring = cluster.ring();
        if (ring == null) {
            throw RequestFailedException.rejected(
                    ErrorCode.UNAVAILABLE, config.nodeId() + " has not joined a ring yet; retry shortly");
        }
        if (key.length == 0 || key.length > config.maxKeyBytes()) {
            throw RequestFailedException.rejected(
                    key.length == 0 ? ErrorCode.BAD_REQUEST : ErrorCode.KEY_TOO_LARGE,
                    "a key must have 1.." + config.maxKeyBytes() + " bytes, this one has " + key.length);
        }
        long token = ring.partitioner().token(key);
        int partition = ring.partitioner().partitionOf(token);
        long timeout = timeoutMillis == 0 ? config.requestTimeoutMillis() : timeoutMillis;
        List<String> replicas = ring.preferenceList(partition);
        return new RegisterRequest(
                new StorageKey(partition, token, key),
                replicas,
                pendingReplicas(ring, cluster.pendingRing(), partition, replicas),
                timeout);
    }

    /**
     * The partition's preference list in the ring a pending transition leads to, when it changes the
     * replicas; otherwise empty (no joint quorum needed). A pending ring of another version than {@code
     * ring} is ignored: it belongs to an older or newer ring than this request uses.
     */
    private static List<String> pendingReplicas(
            RingSnapshot ring, RingSnapshot pending, int partition, List<String> replicas) {
        if (pending == null || pending.version() != ring.version()) {
            return List.of();
        }
        List<String> next = pending.preferenceList(partition);
        // Same nodes in another order: the same majorities, so nothing to add.
        return Set.copyOf(next).equals(Set.copyOf(replicas)) ? List.of() : next;
    }

    /** Turns a synchronous validation failure into a failed stage, so callers handle one path. */
    private static <T> CompletionStage<T> guarded(Supplier<CompletionStage<T>> body) {
        try {
            return body.get();
        } catch (RequestFailedException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }
}
