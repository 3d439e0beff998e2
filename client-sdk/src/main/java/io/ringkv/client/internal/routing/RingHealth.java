package io.ringkv.client.internal.routing;

import io.ringkv.client.policy.ReplicaHealth;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.RingSnapshot;

/**
 * The {@link ReplicaHealth} routing policies see for one request: a node is usable when the ring
 * snapshot says it is alive and this client's own connection attempts to it have not failed lately.
 */
public final class RingHealth implements ReplicaHealth {

    private final RingSnapshot snapshot;
    private final NodeHealthTracker tracker;

    public RingHealth(RingSnapshot snapshot, NodeHealthTracker tracker) {
        this.snapshot = snapshot;
        this.tracker = tracker;
    }

    @Override
    public boolean isUsable(String nodeId) {
        NodeInfo node = snapshot.nodes().get(nodeId);
        return node != null && node.alive() && tracker.isReachable(nodeId);
    }

    @Override
    public long latencyNanos(String nodeId) {
        return tracker.latencyNanos(nodeId);
    }
}
