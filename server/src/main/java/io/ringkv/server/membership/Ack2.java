package io.ringkv.server.membership;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Closes a gossip exchange: the states the {@link Ack} asked for and the initiator's ring register when
 * the receiver's was older. Maps to the wire table {@code GossipAck2}.
 *
 * @param states the requested endpoint states
 * @param ring the initiator's register, when it supersedes the one the receiver sent
 */
public record Ack2(List<EndpointState> states, Optional<RingRegister> ring) {

    public Ack2 {
        states = List.copyOf(states);
        Objects.requireNonNull(ring, "ring");
    }

    /** Whether there is nothing to send, so the initiator may skip the message. */
    public boolean isEmpty() {
        return states.isEmpty() && ring.isEmpty();
    }
}
