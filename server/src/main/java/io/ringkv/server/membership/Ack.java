package io.ringkv.server.membership;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The receiver's answer to a {@link Syn}: who answers and its heartbeat, its view hash, digests of the
 * endpoint states it wants from the sender, the states the sender lacks, and its ring register when the
 * two registers differ. Maps to the wire table {@code GossipAck} (an empty {@code ring} is an absent table).
 *
 * @param from node id of the receiver
 * @param heartbeat the receiver's heartbeat, seen directly by the sender
 * @param viewHash the receiver's {@link GossipState#viewHash()} once the states it sends are counted
 * @param digests requests: send me every state of this endpoint newer than {@code (generation, version)}
 * @param states states newer than what the sender advertised, the receiver's own state when the sender's
 *     copy is missing or older, the receiver's rumors the sender did not mention, and, in answer to a full
 *     syn, every endpoint the sender did not mention
 * @param ring the receiver's register when its version differs from the sender's; when the receiver's is
 *     older this tells the sender to push its own in the {@link Ack2}
 */
public record Ack(
        String from,
        long heartbeat,
        long viewHash,
        List<GossipDigest> digests,
        List<EndpointState> states,
        Optional<RingRegister> ring) {

    public Ack {
        Objects.requireNonNull(from, "from");
        digests = List.copyOf(digests);
        states = List.copyOf(states);
        Objects.requireNonNull(ring, "ring");
    }
}
