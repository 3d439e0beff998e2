package io.ringkv.server.linearizable;

import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.coordinator.ClusterView;
import java.util.HashSet;
import java.util.Set;

/**
 * A fixed ring (or none), the ring of a pending membership transition (or none) and a set of nodes this
 * node's failure detector believes down.
 */
final class FakeClusterView implements ClusterView {

    private final RingSnapshot ring;
    private final Set<String> down = new HashSet<>();
    private RingSnapshot pendingRing;

    FakeClusterView(RingSnapshot ring) {
        this.ring = ring;
    }

    synchronized FakeClusterView markDown(String... nodes) {
        down.addAll(Set.of(nodes));
        return this;
    }

    synchronized FakeClusterView withPendingRing(RingSnapshot pending) {
        pendingRing = pending;
        return this;
    }

    @Override
    public RingSnapshot ring() {
        return ring;
    }

    @Override
    public synchronized boolean isAlive(String nodeId) {
        return !down.contains(nodeId);
    }

    @Override
    public synchronized RingSnapshot pendingRing() {
        return pendingRing;
    }
}
