package io.ringkv.protocol.message;

import java.util.List;
import java.util.Objects;

/**
 * Opens a gossip round with the sender's digests.
 *
 * @param from id of the sending node
 * @param clusterName the sender's cluster; a receiver in another cluster ignores it
 * @param digests what the sender knows about each endpoint
 * @param ringEpoch epoch of the sender's ring assignment
 * @param ringProposer proposer of the sender's ring assignment (breaks epoch ties); empty when it has none
 */
public record GossipSyn(
        String from, String clusterName, List<GossipDigest> digests, long ringEpoch, String ringProposer)
        implements Message {

    public GossipSyn {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(clusterName, "clusterName");
        digests = List.copyOf(digests);
        ringProposer = ringProposer == null ? "" : ringProposer;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.GOSSIP_SYN;
    }
}
