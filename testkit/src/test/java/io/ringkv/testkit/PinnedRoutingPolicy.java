package io.ringkv.testkit;

import io.ringkv.client.policy.DefaultRoutingPolicy;
import io.ringkv.client.policy.ReplicaHealth;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.client.policy.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes every request to one chosen node first when it is in the key's preference list, so that
 * clients pinned to different nodes coordinate the same key's requests on different replicas.
 */
final class PinnedRoutingPolicy implements RoutingPolicy {

    private final String pinnedNodeId;

    PinnedRoutingPolicy(String pinnedNodeId) {
        this.pinnedNodeId = pinnedNodeId;
    }

    @Override
    public List<String> plan(RequestKind kind, List<String> preferenceList, ReplicaHealth health) {
        List<String> order = DefaultRoutingPolicy.INSTANCE.plan(kind, preferenceList, health);
        if (!order.contains(pinnedNodeId)) {
            return order;
        }
        List<String> pinned = new ArrayList<>(order.size());
        pinned.add(pinnedNodeId);
        for (String node : order) {
            if (!node.equals(pinnedNodeId)) {
                pinned.add(node);
            }
        }
        return pinned;
    }
}
