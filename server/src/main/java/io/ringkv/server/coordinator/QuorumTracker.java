package io.ringkv.server.coordinator;

import io.ringkv.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Counts acknowledgements of one quorum request and completes its future exactly once: with success
 * after {@code required} distinct acks, or with a failure once the deadline passes or too many replicas
 * have failed for the quorum ever to be reached. Late acks after completion are still counted (they
 * land; nobody waits for them). Thread-safe: replies arrive on many event loops.
 */
final class QuorumTracker<T> {

    private final int required;
    private int candidates;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Set<String> acked = new LinkedHashSet<>();
    private final List<ReplicaFailure> failures = new ArrayList<>();
    private T successValue;

    QuorumTracker(int required, int candidates) {
        this.required = required;
        this.candidates = candidates;
    }

    CompletableFuture<T> future() {
        return result;
    }

    /** A stand-in joined the request (it replaces a failed replica, so it is one more node that may ack). */
    synchronized void addCandidate() {
        candidates++;
    }

    void setSuccessValue(T value) {
        synchronized (this) {
            successValue = value;
        }
    }

    /** Records an ack; returns true if this ack completed the quorum. */
    boolean ack(String nodeId) {
        T value;
        synchronized (this) {
            if (!acked.add(nodeId) || acked.size() != required) {
                return false;
            }
            value = successValue;
        }
        return result.complete(value);
    }

    void fail(ReplicaFailure failure) {
        boolean hopeless;
        synchronized (this) {
            failures.add(failure);
            hopeless = candidates - failures.size() < required && acked.size() < required;
        }
        if (hopeless) {
            result.completeExceptionally(failure(ErrorCode.TIMEOUT, "too few replicas answered"));
        }
    }

    /** Called at the deadline: completes with TIMEOUT unless the quorum was already met. */
    void expire() {
        if (!result.isDone()) {
            result.completeExceptionally(failure(ErrorCode.TIMEOUT, "timed out waiting for replicas"));
        }
    }

    synchronized int ackCount() {
        return acked.size();
    }

    synchronized boolean hasAcked(String nodeId) {
        return acked.contains(nodeId);
    }

    private synchronized RequestFailedException failure(ErrorCode code, String message) {
        // Some replicas may already hold the write: the outcome is unknown, never "definitely failed".
        return new RequestFailedException(
                code,
                message + " (" + acked.size() + " of " + required + " acknowledged)",
                false,
                acked.size(),
                required,
                failures);
    }
}
