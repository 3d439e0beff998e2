package io.ringkv.server.linearizable;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.server.coordinator.ClusterView;
import io.ringkv.server.coordinator.ReplicaFailure;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.coordinator.RequestFailedException;
import io.ringkv.server.coordinator.TimeoutScheduler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the two phases of the ABD algorithm (Attiya, Bar-Noy, Dolev; multi-writer) for one key against a
 * majority of its replicas.
 *
 * <ul>
 *   <li><b>Read</b>: phase 1 asks every live replica for its register and takes the highest tag among the
 *       first majority of answers; phase 2 writes that register back until a majority holds it, and only
 *       then answers. Replicas whose phase-1 answer already carried that exact tag count as holding it
 *       and are not written again (a replica's tag never decreases, and a tag names one write); when they
 *       are a majority, phase 2 sends nothing.
 *   <li><b>Write</b> (a delete writes a tombstone): phase 1 as above, for the highest tag only; phase 2
 *       writes the new value under a fresh tag from {@link TagIssuer}, greater than every tag seen, to
 *       every live replica, and answers after a majority acknowledged it.
 * </ul>
 *
 * <p><b>Membership transitions.</b> While a transition is pending ({@link
 * RegisterRequest#pendingReplicas()} non-empty), both phases go to the union of the current and the next
 * preference list, each node once, and a phase completes only with a majority of each list (a node in
 * both counts for both); phase 1 still takes the highest tag of every answer received. Why: every write
 * that completes while the transition is pending is then held by a majority of the next preference
 * list, so once the new ring takes over, its majorities intersect every completed write. Writes that
 * completed before the transition was visible are carried over by the partition copy, which merges each
 * register from a majority of the current replicas into the nodes gaining the partition. A majority of
 * the current list alone would not do: it can miss every node of some majority of the next list.
 *
 * <p><b>Failures.</b> Fewer live replicas (by {@link ClusterView#isAlive}) than a majority (of either
 * list while a transition is pending): {@code UNAVAILABLE}, definite, before anything is sent. A phase
 * that cannot reach a majority (the deadline passed, or too many replicas failed): {@code TIMEOUT}. It is
 * definite when it happens in phase 1 (no replica was asked to store anything), unknown in phase 2 (some
 * replicas may hold the write, and a later read may complete it). The deadline covers both phases.
 *
 * <p><b>Threading.</b> Callable from any thread, never blocks. Replies arrive on many threads; each
 * operation's small state is guarded by its own monitor, and futures are completed outside it.
 */
final class AbdCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(AbdCoordinator.class);

    private final TagIssuer tags;
    private final ClusterView cluster;
    private final RegisterReplicas replicas;
    private final TimeoutScheduler scheduler;

    AbdCoordinator(TagIssuer tags, ClusterView cluster, RegisterReplicas replicas, TimeoutScheduler scheduler) {
        this.tags = tags;
        this.cluster = cluster;
        this.replicas = replicas;
        this.scheduler = scheduler;
    }

    /** Completes with the register's current state ({@link Register#present()} false when absent or deleted). */
    CompletionStage<Register> read(RegisterRequest request) {
        return start(request, true, highest -> highest);
    }

    /** Writes {@code value} (or a tombstone) and completes with the write's tag once a majority holds it. */
    CompletionStage<AbdTag> write(RegisterRequest request, byte[] value, boolean tombstone) {
        UnaryOperator<Register> newWrite = highest -> {
            AbdTag tag = tags.after(highest.tag());
            return tombstone ? Register.tombstone(tag) : Register.value(tag, value);
        };
        return start(request, false, newWrite).thenApply(Register::tag);
    }

    private CompletionStage<Register> start(RegisterRequest request, boolean read, UnaryOperator<Register> choose) {
        List<String> alive = request.nodes().stream().filter(cluster::isAlive).toList();
        int aliveReplicas = RegisterRequest.countIn(request.replicas(), alive);
        if (aliveReplicas < request.majority()) {
            return CompletableFuture.failedFuture(RequestFailedException.rejected(
                    ErrorCode.UNAVAILABLE,
                    "only " + aliveReplicas + " of the " + request.replicas().size() + " replicas of this key are"
                            + " reachable; a linearizable operation needs a majority (" + request.majority() + ")"));
        }
        int alivePending = RegisterRequest.countIn(request.pendingReplicas(), alive);
        if (alivePending < request.pendingMajority()) {
            return CompletableFuture.failedFuture(RequestFailedException.rejected(
                    ErrorCode.UNAVAILABLE,
                    "only " + alivePending + " of the "
                            + request.pendingReplicas().size() + " replicas this key has"
                            + " after the pending membership change are reachable; until it completes a linearizable"
                            + " operation needs a majority of both the current (" + request.majority() + ") and the"
                            + " next (" + request.pendingMajority() + ") replicas"));
        }
        Operation operation = new Operation(request, read, alive, choose);
        scheduler.schedule(operation::expire, request.timeoutMillis(), TimeUnit.MILLISECONDS);
        operation.query();
        return operation.result;
    }

    private enum Phase {
        QUERY,
        PROPAGATE,
        DONE
    }

    /** The state of one read or write: which phase it is in, who answered, and its result. */
    private final class Operation {
        private final RegisterRequest request;
        private final boolean read;
        private final List<String> targets;
        private final UnaryOperator<Register> choose;
        private final CompletableFuture<Register> result = new CompletableFuture<>();

        // Guarded by this.
        private Phase phase = Phase.QUERY;
        private final Map<String, Register> queried = new LinkedHashMap<>();
        private final Set<String> holding = new HashSet<>();
        private final List<ReplicaFailure> failures = new ArrayList<>();
        /** Nodes asked in the current phase that have neither answered nor failed yet. */
        private final Set<String> outstanding = new HashSet<>();

        private Register chosen;

        Operation(RegisterRequest request, boolean read, List<String> targets, UnaryOperator<Register> choose) {
            this.request = request;
            this.read = read;
            this.targets = targets;
            this.choose = choose;
            this.outstanding.addAll(targets);
        }

        void query() {
            for (String node : targets) {
                replicas.query(node, request.key(), request.timeoutMillis()).whenComplete((register, failure) -> {
                    if (failure == null) {
                        onQueried(node, register);
                    } else {
                        onQueryFailed(node, failure);
                    }
                });
            }
        }

        private void onQueried(String node, Register register) {
            List<String> writeTo;
            Register toWrite;
            synchronized (this) {
                if (phase != Phase.QUERY) {
                    return;
                }
                outstanding.remove(node);
                queried.put(node, register);
                if (!request.isQuorum(queried.keySet())) {
                    return;
                }
                Register highest = queried.values().stream()
                        .reduce(Register.ABSENT, (left, right) -> right.newerThan(left) ? right : left);
                chosen = choose.apply(highest);
                if (read) {
                    queried.forEach((replica, reported) -> {
                        if (reported.tag().equals(chosen.tag())) {
                            holding.add(replica);
                        }
                    });
                }
                writeTo = targets.stream()
                        .filter(target -> !holding.contains(target))
                        .toList();
                if (request.isQuorum(holding)) {
                    phase = Phase.DONE;
                    toWrite = null;
                } else {
                    phase = Phase.PROPAGATE;
                    outstanding.clear();
                    outstanding.addAll(writeTo);
                    toWrite = chosen;
                }
            }
            if (toWrite == null) {
                result.complete(chosen);
                return;
            }
            for (String target : writeTo) {
                replicas.write(target, request.key(), toWrite, request.timeoutMillis())
                        .whenComplete((ignored, failure) -> {
                            if (failure == null) {
                                onWritten(target);
                            } else {
                                onWriteFailed(target, failure);
                            }
                        });
            }
        }

        private void onQueryFailed(String node, Throwable failure) {
            RequestFailedException hopeless;
            synchronized (this) {
                failures.add(failureOf(node, failure));
                if (phase != Phase.QUERY) {
                    return;
                }
                outstanding.remove(node);
                if (couldStillReachQuorum(queried.keySet())) {
                    return;
                }
                hopeless = finishWithFailure("too few replicas answered");
            }
            result.completeExceptionally(hopeless);
        }

        private void onWritten(String node) {
            Register answer;
            synchronized (this) {
                if (phase != Phase.PROPAGATE) {
                    return;
                }
                outstanding.remove(node);
                holding.add(node);
                if (!request.isQuorum(holding)) {
                    return;
                }
                phase = Phase.DONE;
                answer = chosen;
            }
            result.complete(answer);
        }

        private void onWriteFailed(String node, Throwable failure) {
            RequestFailedException hopeless;
            synchronized (this) {
                failures.add(failureOf(node, failure));
                if (phase != Phase.PROPAGATE) {
                    return;
                }
                outstanding.remove(node);
                if (couldStillReachQuorum(holding)) {
                    return;
                }
                hopeless = finishWithFailure("too few replicas acknowledged");
            }
            result.completeExceptionally(hopeless);
        }

        /** Whether {@code answered} plus every node still to answer in this phase would be a quorum. */
        private boolean couldStillReachQuorum(Set<String> answered) {
            Set<String> possible = new HashSet<>(answered);
            possible.addAll(outstanding);
            return request.isQuorum(possible);
        }

        void expire() {
            RequestFailedException timedOut;
            synchronized (this) {
                if (phase == Phase.DONE) {
                    return;
                }
                timedOut = finishWithFailure("timed out after " + request.timeoutMillis() + " ms");
            }
            LOG.debug("{}", timedOut.getMessage());
            result.completeExceptionally(timedOut);
        }

        /**
         * Ends the operation (the caller holds the monitor, so no phase 2 can start afterwards) and
         * describes the failure: definite while no replica was asked to store anything.
         */
        private RequestFailedException finishWithFailure(String reason) {
            boolean storing = phase == Phase.PROPAGATE;
            phase = Phase.DONE;
            Set<String> answeredNodes = storing ? holding : queried.keySet();
            // Report the first list the answers hold no majority of; without a transition, the replicas.
            boolean shortOfReplicas = !request.transitionPending()
                    || RegisterRequest.countIn(request.replicas(), answeredNodes) < request.majority();
            List<String> measured = shortOfReplicas ? request.replicas() : request.pendingReplicas();
            int answered = RegisterRequest.countIn(measured, answeredNodes);
            int needed = RegisterRequest.majorityOf(measured);
            String ofWhich = !request.transitionPending()
                    ? ""
                    : shortOfReplicas ? " from the current replicas" : " from the next replicas";
            return new RequestFailedException(
                    ErrorCode.TIMEOUT,
                    (read ? "linearizable read of " : "linearizable write of ") + request.key() + ": " + reason
                            + " in the " + (storing ? "write phase" : "query phase") + " (" + answered + " of the "
                            + needed + " needed" + ofWhich + ")"
                            + (storing ? "; the outcome is unknown" : "; nothing was written"),
                    !storing,
                    answered,
                    needed,
                    failures);
        }
    }

    private static ReplicaFailure failureOf(String node, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ReplicaUnreachableException unreachable) {
            return unreachable.toFailure();
        }
        if (cause instanceof RequestFailedException requestFailed) {
            return new ReplicaFailure(node, requestFailed.code(), String.valueOf(requestFailed.getMessage()));
        }
        return new ReplicaFailure(node, ErrorCode.INTERNAL, cause.toString());
    }
}
