package io.ringkv.client.internal.routing;

import io.ringkv.client.policy.RequestKind;
import io.ringkv.client.policy.RoutingPolicy;
import io.ringkv.ring.RingSnapshot;
import java.util.List;

/**
 * Computes the nodes a request tries, in order: the key's preference list from the ring snapshot (the
 * same table the server routes by), ordered by the routing policy.
 */
public final class Router {

    private final RoutingPolicy policy;
    private final NodeHealthTracker health;

    public Router(RoutingPolicy policy, NodeHealthTracker health) {
        this.policy = policy;
        this.health = health;
    }

    /** The plan for a key whose token is {@code token}. */
    public List<String> plan(RingSnapshot snapshot, long token, RequestKind kind) {
        List<String> replicas = snapshot.preferenceList(snapshot.partitioner().partitionOf(token));
        return policy.plan(kind, replicas, new RingHealth(snapshot, health));
    }
}
