package io.ringkv.server.membership;

import java.util.List;
import java.util.Objects;

/**
 * Opens a gossip exchange: the sender's digest of every endpoint it knows and the version of its ring
 * register. Maps to the wire table {@code GossipSyn}; the wire table carries {@code ring_epoch} and needs a
 * {@code ring_proposer} string appended for {@link #ringProposer()} (see {@code docs/membership.md}).
 *
 * @param from node id of the sender
 * @param clusterName the sender's cluster; a node answers only syns of its own cluster
 * @param digests one digest per endpoint the sender knows, itself included
 * @param ringEpoch epoch of the sender's ring register
 * @param ringProposer proposer of the sender's ring register
 */
public record Syn(String from, String clusterName, List<GossipDigest> digests, long ringEpoch, String ringProposer) {

    public Syn {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(clusterName, "clusterName");
        digests = List.copyOf(digests);
        Objects.requireNonNull(ringProposer, "ringProposer");
    }
}
