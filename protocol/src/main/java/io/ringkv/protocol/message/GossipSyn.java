package io.ringkv.protocol.message;

import java.util.List;
import java.util.Objects;

/**
 * Opens a gossip round with the sender's digests, its direct heartbeat and a hash of its whole view.
 *
 * @param from id of the sending node
 * @param clusterName the sender's cluster; a receiver in another cluster ignores it
 * @param digests what the sender knows about endpoints: a bounded selection, or every endpoint it
 *     knows when {@code full}
 * @param ringEpoch epoch of the sender's ring assignment
 * @param ringProposer proposer of the sender's ring assignment (breaks epoch ties); empty when it has none
 * @param heartbeat the sender's direct heartbeat counter: counts its gossip rounds in this generation
 * @param full the sender asks for a full exchange: {@code digests} lists every endpoint it knows, and
 *     the receiver also sends the endpoints not mentioned
 * @param viewHash order-independent hash of every (node, generation, version) the sender knows
 */
public record GossipSyn(
        String from,
        String clusterName,
        List<GossipDigest> digests,
        long ringEpoch,
        String ringProposer,
        long heartbeat,
        boolean full,
        long viewHash)
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
