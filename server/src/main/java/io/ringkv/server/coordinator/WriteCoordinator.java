package io.ringkv.server.coordinator;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.Dot;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.Version;
import io.ringkv.causal.VersionVector;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinates one write (put or delete) on a node that is in the key's preference list.
 *
 * <p>The flow: issue the new version locally under the key's lock (so the dot is unique), fan the
 * resulting sibling set out to the other preference-list nodes, and answer after W distinct
 * acknowledgements. A replica believed down is replaced at once by the next healthy stand-in, which
 * keeps a hint; a replica that stays silent for {@code handoffAfterMillis} is also covered by a stand-in.
 * Strict writes count only the true preference list and never hand off. During a membership transition
 * the set also goes to the plan's pending replicas, whose acknowledgements do not count.
 */
final class WriteCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(WriteCoordinator.class);

    private final CoordinatorConfig config;
    private final ActorId actor;
    private final ClusterView cluster;
    private final ReplicaGateway replicas;
    private final TimeoutScheduler scheduler;
    private final Clock clock;
    private final CoordinatorMetrics metrics;

    WriteCoordinator(
            CoordinatorConfig config,
            ActorId actor,
            ClusterView cluster,
            ReplicaGateway replicas,
            TimeoutScheduler scheduler,
            Clock clock,
            CoordinatorMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.actor = actor;
        this.cluster = cluster;
        this.replicas = replicas;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    CompletionStage<WriteResult> write(
            ResolvedRequest request, byte[] value, boolean tombstone, VersionVector clientContext, int writeQuorum) {
        ReplicaPlan plan = request.plan();
        boolean strict = request.strict();
        if (plan.reachable(strict) < writeQuorum) {
            return CompletableFuture.failedFuture(RequestFailedException.rejected(
                    ErrorCode.UNAVAILABLE,
                    "only " + plan.reachable(strict) + " of the " + writeQuorum + " replicas needed are reachable"
                            + (strict ? " (strict: stand-ins do not count)" : "")));
        }
        long now = clock.wallClockMillis();
        StorageKey key = request.storageKey();
        return replicas.updateLocal(key, stored -> {
                    SiblingSet written = SiblingSets.write(stored, clientContext, actor, value, tombstone, now);
                    enforceClientLimits(request, written);
                    return written;
                })
                .thenCompose(written -> fanOut(request, written, clientContext, writeQuorum));
    }

    private CompletionStage<WriteResult> fanOut(
            ResolvedRequest request, SiblingSet written, VersionVector clientContext, int writeQuorum) {
        Dot newDot = new Dot(actor, written.context().counter(actor));
        // The reply's context is what the client saw plus its own write, never the merged context: a
        // merged context would cover concurrent siblings the client never saw, and its next write
        // would silently supersede them.
        Map<ActorId, Long> seen = new TreeMap<>(clientContext.entries());
        seen.merge(actor, newDot.counter(), Math::max);
        WriteResult result = new WriteResult(SiblingSetCodec.encodeContext(VersionVector.of(seen)), config.nodeId());

        ReplicaPlan plan = request.plan();
        QuorumTracker<WriteResult> tracker =
                new QuorumTracker<>(writeQuorum, plan.preferenceList().size());
        tracker.setSuccessValue(result);
        Deque<String> standIns = request.strict() ? new ArrayDeque<>() : new ArrayDeque<>(plan.standInCandidates());
        Set<String> handedOff = new HashSet<>();
        tracker.ack(config.nodeId());
        long timeoutMillis = request.timeoutMillis();
        for (String node : plan.preferenceList()) {
            if (node.equals(config.nodeId())) {
                continue;
            }
            if (plan.alivePreferred().contains(node)) {
                replicas.write(node, request.storageKey(), written, timeoutMillis)
                        .whenComplete((ignored, failure) -> {
                            if (failure == null) {
                                tracker.ack(node);
                            } else {
                                handOff(request, written, tracker, standIns, handedOff, node, failure);
                            }
                        });
            } else {
                handOff(request, written, tracker, standIns, handedOff, node, null);
            }
        }
        if (!request.strict()) {
            scheduler.schedule(
                    () -> {
                        for (String node : plan.preferenceList()) {
                            if (!tracker.hasAcked(node)) {
                                handOff(request, written, tracker, standIns, handedOff, node, null);
                            }
                        }
                    },
                    Math.min(config.handoffAfterMillis(), timeoutMillis),
                    TimeUnit.MILLISECONDS);
        }
        scheduler.schedule(tracker::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        copyToPendingReplicas(request, written);
        return tracker.future();
    }

    /**
     * Sends the set to nodes taking the partition over. Their acknowledgement is not needed: the quorum
     * is the current preference list's. A copy that fails here reaches the node anyway if its stream has
     * not passed the key yet; otherwise the node lacks this version until read repair or anti-entropy
     * brings it (the write's quorum replicas hold it).
     */
    private void copyToPendingReplicas(ResolvedRequest request, SiblingSet written) {
        for (String node : request.plan().pendingReplicas()) {
            if (!cluster.isAlive(node)) {
                continue;
            }
            replicas.write(node, request.storageKey(), written, request.timeoutMillis())
                    .whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            LOG.debug("write of {} to pending replica {} failed", request.keyForLogs(), node, failure);
                        }
                    });
        }
    }

    /** Covers {@code owner} with the next unused stand-in (sloppy quorum), or records its failure. */
    private void handOff(
            ResolvedRequest request,
            SiblingSet written,
            QuorumTracker<WriteResult> tracker,
            Deque<String> standIns,
            Set<String> handedOff,
            String owner,
            Throwable failure) {
        String standIn;
        synchronized (handedOff) {
            standIn = handedOff.add(owner) ? standIns.pollFirst() : null;
        }
        if (standIn != null) {
            tracker.addCandidate();
            metrics.hintedWrite();
            replicas.writeHint(standIn, owner, request.storageKey(), written, request.timeoutMillis())
                    .whenComplete((ignored, hintFailure) -> {
                        if (hintFailure == null) {
                            tracker.ack(standIn);
                        } else {
                            tracker.fail(Failures.of(standIn, hintFailure));
                        }
                    });
        }
        if (failure != null) {
            tracker.fail(Failures.of(owner, failure));
        } else if (standIn == null
                && !tracker.hasAcked(owner)
                && !request.plan().alivePreferred().contains(owner)) {
            tracker.fail(new ReplicaFailure(owner, ErrorCode.UNAVAILABLE, "replica is down and no stand-in is left"));
        }
    }

    private void enforceClientLimits(ResolvedRequest request, SiblingSet written) {
        List<Version> live = written.liveVersions();
        long bytes = live.stream().mapToLong(version -> version.value().length).sum();
        if (live.size() > config.siblingMaxCount()) {
            throw RequestFailedException.rejected(
                    ErrorCode.TOO_MANY_SIBLINGS,
                    "the write would leave " + live.size() + " siblings (max " + config.siblingMaxCount()
                            + "): read the key, merge its siblings and write back with the context");
        }
        if (bytes > config.objectMaxBytes()) {
            throw RequestFailedException.rejected(
                    ErrorCode.VALUE_TOO_LARGE,
                    "the key would hold " + bytes + " bytes of values (max " + config.objectMaxBytes() + ")");
        }
        if (live.size() > config.siblingWarnCount() || bytes > config.objectWarnBytes()) {
            LOG.warn(
                    "key {} has {} siblings and {} bytes after a client write (warn at {} siblings / {} bytes)",
                    request.keyForLogs(),
                    live.size(),
                    bytes,
                    config.siblingWarnCount(),
                    config.objectWarnBytes());
        }
    }
}
