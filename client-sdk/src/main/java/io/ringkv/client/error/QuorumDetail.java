package io.ringkv.client.error;

import java.util.List;

/**
 * How far an operation got toward its quorum before it failed.
 *
 * @param acksReceived replicas that acknowledged (for a write: that stored it; it may surface later)
 * @param acksRequired the R or W the operation needed
 * @param replicaFailures the error each failed replica reported
 */
public record QuorumDetail(int acksReceived, int acksRequired, List<ReplicaFailure> replicaFailures) {

    /** No quorum information: the failure was not a quorum failure, or the client detected it alone. */
    public static final QuorumDetail NONE = new QuorumDetail(0, 0, List.of());

    public QuorumDetail {
        replicaFailures = List.copyOf(replicaFailures);
    }
}
