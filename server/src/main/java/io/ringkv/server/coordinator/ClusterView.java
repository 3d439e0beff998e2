package io.ringkv.server.coordinator;

import io.ringkv.ring.RingSnapshot;

/** What a coordinator needs to know about the cluster: the current ring and this node's liveness opinions. */
public interface ClusterView {

    /** The current immutable ring snapshot; callers use one snapshot for the whole request. */
    RingSnapshot ring();

    /** This node's failure detector's opinion of {@code nodeId}; this node itself is always alive. */
    boolean isAlive(String nodeId);
}
