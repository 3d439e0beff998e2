package io.ringkv.consistency.workload;

import io.ringkv.client.policy.ReplicaHealth;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.client.policy.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes every request of one client to the replica at a fixed rank of the key's preference list (then
 * the others as failover), like a Jepsen client bound to one node. Clients with different ranks reach
 * a key through different coordinators, so during a partition they see different sides of it; with the
 * default routing every client would use the same coordinator per key and hide most anomalies.
 */
public final class ReplicaAffinity implements RoutingPolicy {

    private final int rank;

    /** @param rank which replica coordinates (taken modulo the preference list's size) */
    public ReplicaAffinity(int rank) {
        if (rank < 0) {
            throw new IllegalArgumentException("rank must not be negative, was " + rank);
        }
        this.rank = rank;
    }

    @Override
    public List<String> plan(RequestKind kind, List<String> preferenceList, ReplicaHealth health) {
        int size = preferenceList.size();
        if (size == 0) {
            return preferenceList;
        }
        List<String> order = new ArrayList<>(size);
        for (int offset = 0; offset < size; offset++) {
            order.add(preferenceList.get((rank + offset) % size));
        }
        return order;
    }
}
