package io.ringkv.protocol.message;

import java.util.List;

/**
 * Answers a {@link GossipSyn}: what the receiver wants and what the sender lacks.
 *
 * @param digests endpoints the replying node wants full state for
 * @param states states newer than the syn's digests
 * @param ring the replying node's ring assignment when newer than the syn's epoch, else {@code null}
 */
public record GossipAck(List<GossipDigest> digests, List<EndpointState> states, RingAssignment ring)
        implements Message {

    public GossipAck {
        digests = List.copyOf(digests);
        states = List.copyOf(states);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.GOSSIP_ACK;
    }
}
