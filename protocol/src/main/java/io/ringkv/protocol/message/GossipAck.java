package io.ringkv.protocol.message;

import java.util.List;

/**
 * Answers a {@link GossipSyn}: what the receiver wants and what the sender lacks, with the answering
 * node's id, direct heartbeat and view hash.
 *
 * @param digests endpoints the replying node wants full state for
 * @param states states newer than the syn's digests
 * @param ring the replying node's ring assignment when newer than the syn's epoch, else {@code null}
 * @param from id of the answering node; {@code null} becomes empty
 * @param heartbeat the answering node's direct heartbeat counter, as {@link GossipSyn#heartbeat()}
 * @param viewHash the answering node's view hash, as {@link GossipSyn#viewHash()}
 */
public record GossipAck(
        List<GossipDigest> digests,
        List<EndpointState> states,
        RingAssignment ring,
        String from,
        long heartbeat,
        long viewHash)
        implements Message {

    public GossipAck {
        digests = List.copyOf(digests);
        states = List.copyOf(states);
        from = from == null ? "" : from;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.GOSSIP_ACK;
    }
}
