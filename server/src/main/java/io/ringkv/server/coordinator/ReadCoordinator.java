package io.ringkv.server.coordinator;

import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.SiblingSets;
import io.ringkv.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Coordinates one read: asks the live preference-list replicas (and, for a sloppy read that lacks
 * them, healthy stand-ins), answers with the merge of the first R replies, and repairs replicas found
 * stale. Eventual reads repair in the background once every replica has answered; strict reads repair
 * the stale replicas among the first R before answering. Repair goes to true replicas only, never to
 * stand-ins, and is not subject to the client sibling/size limits.
 */
final class ReadCoordinator {

    private final CoordinatorConfig config;
    private final ReplicaGateway replicas;
    private final TimeoutScheduler scheduler;
    private final CoordinatorMetrics metrics;

    ReadCoordinator(
            CoordinatorConfig config, ReplicaGateway replicas, TimeoutScheduler scheduler, CoordinatorMetrics metrics) {
        this.config = config;
        this.replicas = replicas;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    CompletionStage<ReadResult> read(ResolvedRequest request, int readQuorum) {
        ReplicaPlan plan = request.plan();
        List<String> targets = new ArrayList<>(plan.alivePreferred());
        if (!request.strict()) {
            int missing = plan.preferenceList().size() - targets.size();
            plan.standInCandidates().stream().limit(missing).forEach(targets::add);
        }
        if (targets.size() < readQuorum) {
            return CompletableFuture.failedFuture(RequestFailedException.rejected(
                    ErrorCode.UNAVAILABLE,
                    "only " + targets.size() + " of the " + readQuorum + " replicas needed are reachable"
                            + (request.strict() ? " (strict: stand-ins do not count)" : "")));
        }
        ReadRound round = new ReadRound(request, readQuorum, targets);
        for (String node : targets) {
            replicas.read(node, request.storageKey(), request.timeoutMillis()).whenComplete((stored, failure) -> {
                if (failure == null) {
                    round.reply(node, stored.orElse(SiblingSet.EMPTY));
                } else {
                    round.fail(Failures.of(node, failure));
                }
            });
        }
        scheduler.schedule(round::expire, request.timeoutMillis(), TimeUnit.MILLISECONDS);
        return round.answer;
    }

    /** The state of one read: replies so far, the answer future, and the repair once all have replied. */
    private final class ReadRound {
        private final ResolvedRequest request;
        private final int readQuorum;
        private final List<String> targets;
        private final Set<String> trueReplicas;
        private final Map<String, SiblingSet> replies = new LinkedHashMap<>();
        private final List<ReplicaFailure> failures = new ArrayList<>();
        private final CompletableFuture<ReadResult> answer = new CompletableFuture<>();
        private boolean repaired;

        ReadRound(ResolvedRequest request, int readQuorum, List<String> targets) {
            this.request = request;
            this.readQuorum = readQuorum;
            this.targets = targets;
            this.trueReplicas = Set.copyOf(request.plan().preferenceList());
        }

        void reply(String node, SiblingSet set) {
            Map<String, SiblingSet> quorumReplies = null;
            Map<String, SiblingSet> allReplies = null;
            synchronized (this) {
                replies.put(node, set);
                if (replies.size() == readQuorum) {
                    quorumReplies = Map.copyOf(replies);
                }
                if (replies.size() + failures.size() == targets.size() && !repaired) {
                    repaired = true;
                    allReplies = Map.copyOf(replies);
                }
            }
            if (quorumReplies != null) {
                answerWith(quorumReplies);
            }
            if (allReplies != null && !request.strict()) {
                repair(allReplies, merge(allReplies));
            }
        }

        void fail(ReplicaFailure failure) {
            boolean hopeless;
            Map<String, SiblingSet> allReplies = null;
            synchronized (this) {
                failures.add(failure);
                hopeless = targets.size() - failures.size() < readQuorum;
                if (replies.size() + failures.size() == targets.size() && !repaired && !replies.isEmpty()) {
                    repaired = true;
                    allReplies = Map.copyOf(replies);
                }
            }
            if (hopeless) {
                answer.completeExceptionally(failure(ErrorCode.TIMEOUT, "too few replicas answered"));
            }
            if (allReplies != null && !request.strict()) {
                repair(allReplies, merge(allReplies));
            }
        }

        void expire() {
            if (!answer.isDone()) {
                answer.completeExceptionally(failure(ErrorCode.TIMEOUT, "timed out waiting for replicas"));
            }
        }

        private void answerWith(Map<String, SiblingSet> quorumReplies) {
            SiblingSet merged = merge(quorumReplies);
            ReadResult result = ReadResult.of(
                    merged.liveVersions(), SiblingSetCodec.encodeContext(merged.context()), config.nodeId());
            if (!request.strict()) {
                answer.complete(result);
                return;
            }
            repair(quorumReplies, merged).whenComplete((ignored, failure) -> {
                if (failure == null) {
                    answer.complete(result);
                } else {
                    answer.completeExceptionally(failure(ErrorCode.TIMEOUT, "read repair did not complete"));
                }
            });
        }

        /** Writes {@code merged} to every true replica whose reply lacks part of it. */
        private CompletableFuture<Void> repair(Map<String, SiblingSet> fromReplies, SiblingSet merged) {
            List<CompletableFuture<SiblingSet>> writes = new ArrayList<>();
            fromReplies.forEach((node, stored) -> {
                if (trueReplicas.contains(node)
                        && !SiblingSets.merge(stored, merged).equals(stored)) {
                    metrics.readRepair();
                    writes.add(replicas.write(node, request.storageKey(), merged, request.timeoutMillis())
                            .toCompletableFuture());
                }
            });
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
        }

        private synchronized RequestFailedException failure(ErrorCode code, String message) {
            return new RequestFailedException(
                    code,
                    message + " (" + replies.size() + " of " + readQuorum + " replied)",
                    true,
                    replies.size(),
                    readQuorum,
                    failures);
        }
    }

    private static SiblingSet merge(Map<String, SiblingSet> replies) {
        SiblingSet merged = SiblingSet.EMPTY;
        for (SiblingSet reply : replies.values()) {
            merged = SiblingSets.merge(merged, reply);
        }
        return merged;
    }
}
