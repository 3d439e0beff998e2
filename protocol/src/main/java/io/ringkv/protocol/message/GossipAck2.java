package io.ringkv.protocol.message;

import java.util.List;

/**
 * Closes a gossip round with the states the {@link GossipAck} asked for.
 *
 * @param states the requested endpoint states
 * @param ring the sender's ring assignment when newer, else {@code null}
 */
public record GossipAck2(List<EndpointState> states, RingAssignment ring) implements Message {

    public GossipAck2 {
        states = List.copyOf(states);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.GOSSIP_ACK2;
    }
}
