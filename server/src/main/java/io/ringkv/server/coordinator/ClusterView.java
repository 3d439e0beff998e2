package io.ringkv.server.coordinator;

import io.ringkv.ring.RingSnapshot;

/** What a coordinator needs to know about the cluster: the current ring and this node's liveness opinions. */
public interface ClusterView {

    /** The current immutable ring snapshot; callers use one snapshot for the whole request. */
    RingSnapshot ring();

    /** This node's failure detector's opinion of {@code nodeId}; this node itself is always alive. */
    boolean isAlive(String nodeId);

    /**
     * The ring a membership transition in flight will lead to, with the same {@link RingSnapshot#version()}
     * as {@link #ring()} while the transition is pending; {@code null} when none is. Writes also go to the
     * nodes this ring adds to a preference list, so a node taking a partition over misses no write made
     * while it streams (see {@code docs/elasticity.md}).
     */
    default RingSnapshot pendingRing() {
        return null;
    }
}
