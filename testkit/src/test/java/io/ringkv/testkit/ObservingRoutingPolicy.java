package io.ringkv.testkit;

import io.ringkv.client.policy.DefaultRoutingPolicy;
import io.ringkv.client.policy.ReplicaHealth;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.client.policy.RoutingPolicy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default routing, plus a window on the client's view of the nodes: it keeps the
 * {@link ReplicaHealth} of the latest request, which is how a test sees the client mark a node down.
 */
final class ObservingRoutingPolicy implements RoutingPolicy {

    private final AtomicReference<ReplicaHealth> latest = new AtomicReference<>();

    @Override
    public List<String> plan(RequestKind kind, List<String> preferenceList, ReplicaHealth health) {
        latest.set(health);
        return DefaultRoutingPolicy.INSTANCE.plan(kind, preferenceList, health);
    }

    /** Whether the client's view, as of its latest request, counts the node as usable. */
    boolean usable(String nodeId) {
        ReplicaHealth health = latest.get();
        if (health == null) {
            throw new IllegalStateException("no request was routed yet");
        }
        return health.isUsable(nodeId);
    }
}
