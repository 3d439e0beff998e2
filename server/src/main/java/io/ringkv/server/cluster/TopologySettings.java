package io.ringkv.server.cluster;

import io.ringkv.server.membership.GossiperConfig;
import java.util.Objects;

/**
 * What the {@link Topology} needs besides its collaborators.
 *
 * @param localNodeId this node
 * @param partitionCount Q; every node of a cluster must agree
 * @param replicationFactor N used when this node creates the first ring
 * @param bootstrapsRing whether this node creates the first ring when none is known (it is the first seed)
 * @param gossip gossip and failure-detection settings
 */
public record TopologySettings(
        String localNodeId, int partitionCount, int replicationFactor, boolean bootstrapsRing, GossiperConfig gossip) {

    public TopologySettings {
        Objects.requireNonNull(localNodeId, "localNodeId");
        Objects.requireNonNull(gossip, "gossip");
    }
}
