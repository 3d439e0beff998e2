package io.ringkv.server.membership;

import java.util.List;
import java.util.Objects;

/**
 * Opens a gossip exchange. Maps to the wire table {@code GossipSyn}.
 *
 * <p>A normal syn is bounded whatever the cluster size: the sender's own digest, the digest of the
 * target when known, and the digests of the endpoints that changed recently (the rumors it still spreads).
 * A full syn lists every endpoint the sender knows; it is sent only when the two views are found to differ
 * in a way the rumors do not repair (see {@link Gossiper}).
 *
 * @param from node id of the sender
 * @param clusterName the sender's cluster; a node answers only syns of its own cluster
 * @param heartbeat the sender's heartbeat: its round count in this generation, seen directly by the receiver
 * @param full whether {@code digests} lists every endpoint the sender knows
 * @param viewHash the sender's {@link GossipState#viewHash()}
 * @param digests the sender's digest first, then the target's and the rumors' (or every endpoint's when full)
 * @param ringEpoch epoch of the sender's ring register
 * @param ringProposer proposer of the sender's ring register
 */
public record Syn(
        String from,
        String clusterName,
        long heartbeat,
        boolean full,
        long viewHash,
        List<GossipDigest> digests,
        long ringEpoch,
        String ringProposer) {

    public Syn {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(clusterName, "clusterName");
        digests = List.copyOf(digests);
        Objects.requireNonNull(ringProposer, "ringProposer");
    }
}
