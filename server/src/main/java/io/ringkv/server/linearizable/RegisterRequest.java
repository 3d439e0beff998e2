package io.ringkv.server.linearizable;

import io.ringkv.server.storage.StorageKey;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One linearizable operation after validation: the key, its true preference list (the register's
 * replicas; never stand-ins), the preference list the pending membership transition gives it (empty
 * when none is pending, or when it keeps the same replicas) and the whole operation's budget.
 *
 * <p>While {@code pendingReplicas} is non-empty every phase needs a <em>joint quorum</em>: a majority
 * of {@code replicas} and a majority of {@code pendingReplicas} (a node in both counts for both). A
 * joint quorum intersects every majority of either list, so operations on the old ring, on the joint
 * configuration and, once the transition completed, on the new ring all see each other's completed
 * writes.
 */
record RegisterRequest(StorageKey key, List<String> replicas, List<String> pendingReplicas, long timeoutMillis) {

    RegisterRequest {
        Objects.requireNonNull(key, "key");
        replicas = List.copyOf(replicas);
        pendingReplicas = List.copyOf(pendingReplicas);
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a register needs at least one replica");
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("timeoutMillis must be positive, was " + timeoutMillis);
        }
    }

    /** An operation while no membership transition is pending. */
    RegisterRequest(StorageKey key, List<String> replicas, long timeoutMillis) {
        this(key, replicas, List.of(), timeoutMillis);
    }

    /** Acknowledgements needed from {@link #replicas()} in each phase: a strict majority of them. */
    int majority() {
        return majorityOf(replicas);
    }

    /** Acknowledgements needed from {@link #pendingReplicas()} in each phase; 0 when none is pending. */
    int pendingMajority() {
        return transitionPending() ? majorityOf(pendingReplicas) : 0;
    }

    /** Whether this operation needs joint quorums. */
    boolean transitionPending() {
        return !pendingReplicas.isEmpty();
    }

    /** Every node a phase talks to, each once: the replicas, then the pending replicas not among them. */
    List<String> nodes() {
        if (!transitionPending()) {
            return replicas;
        }
        Set<String> union = new LinkedHashSet<>(replicas);
        union.addAll(pendingReplicas);
        return List.copyOf(union);
    }

    /** Whether {@code answered} holds a majority of the replicas and, during a transition, of the pending ones. */
    boolean isQuorum(Collection<String> answered) {
        return countIn(replicas, answered) >= majority() && countIn(pendingReplicas, answered) >= pendingMajority();
    }

    static int majorityOf(List<String> nodes) {
        return nodes.size() / 2 + 1;
    }

    static int countIn(List<String> nodes, Collection<String> answered) {
        return (int) nodes.stream().filter(answered::contains).count();
    }
}
