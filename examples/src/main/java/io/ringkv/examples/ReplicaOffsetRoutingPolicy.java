package io.ringkv.examples;

import io.ringkv.client.policy.ReplicaHealth;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.client.policy.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends each request to the key's replica at position {@code offset} of its preference list (then the
 * following ones, wrapping around), usable replicas first. The shopping-cart example gives its second
 * client an offset of 1 so that the two clients' writes of one cart are coordinated by different nodes,
 * as they would be for two application servers in different racks. Every node tried is still a replica,
 * so nothing is forwarded.
 */
public final class ReplicaOffsetRoutingPolicy implements RoutingPolicy {

    private final int offset;

    /** @param offset how many replicas to skip at the front of the preference list, at least 0 */
    public ReplicaOffsetRoutingPolicy(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, got " + offset);
        }
        this.offset = offset;
    }

    @Override
    public List<String> plan(RequestKind kind, List<String> preferenceList, ReplicaHealth health) {
        int size = preferenceList.size();
        List<String> usable = new ArrayList<>(size);
        List<String> unusable = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String node = preferenceList.get((i + offset) % size);
            (health.isUsable(node) ? usable : unusable).add(node);
        }
        usable.addAll(unusable);
        return usable;
    }
}
