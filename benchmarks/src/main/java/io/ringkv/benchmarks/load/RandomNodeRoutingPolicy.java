package io.ringkv.benchmarks.load;

import io.ringkv.client.policy.ReplicaHealth;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.client.policy.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RoutingPolicy} that ignores the key: it sends each request to a uniformly random usable node
 * of the whole cluster, which forwards it when it is not a replica. This is the "random coordinator"
 * side of the routing comparison, not a policy for applications. The key's replicas follow as the SDK's
 * failover candidates.
 */
public final class RandomNodeRoutingPolicy implements RoutingPolicy {

    private final List<String> nodeIds;
    private final SharedRandom random;

    /** @param nodeIds every node of the cluster (the SDK's policy input names only a key's replicas) */
    public RandomNodeRoutingPolicy(List<String> nodeIds, long seed) {
        if (nodeIds.isEmpty()) {
            throw new IllegalArgumentException("at least one node is needed");
        }
        this.nodeIds = List.copyOf(nodeIds);
        this.random = new SharedRandom(seed);
    }

    @Override
    public List<String> plan(RequestKind kind, List<String> preferenceList, ReplicaHealth health) {
        String first = pickUsable(health);
        List<String> order = new ArrayList<>(preferenceList.size() + 1);
        order.add(first);
        for (String replica : preferenceList) {
            if (!replica.equals(first)) {
                order.add(replica);
            }
        }
        return order;
    }

    private String pickUsable(ReplicaHealth health) {
        // A few draws find a usable node when most are up; otherwise any node will do, and the SDK's
        // failover moves on to the replicas.
        for (int attempt = 0; attempt < 2 * nodeIds.size(); attempt++) {
            String node = nodeIds.get(random.nextInt(nodeIds.size()));
            if (health.isUsable(node)) {
                return node;
            }
        }
        return nodeIds.get(random.nextInt(nodeIds.size()));
    }
}
