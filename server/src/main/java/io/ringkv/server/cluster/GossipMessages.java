package io.ringkv.server.cluster;

import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.message.GossipAck;
import io.ringkv.protocol.message.GossipAck2;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.RingAssignment;
import io.ringkv.ring.NodeState;
import io.ringkv.server.membership.Ack;
import io.ringkv.server.membership.Ack2;
import io.ringkv.server.membership.EndpointState;
import io.ringkv.server.membership.GossipDigest;
import io.ringkv.server.membership.RingRegister;
import io.ringkv.server.membership.Syn;
import java.util.Optional;

/**
 * Maps the gossiper's messages to the wire records and back, in one place. The ring register's opaque
 * payload is a {@link RingLayout}; on the wire it travels as a {@link RingAssignment}.
 *
 * <p>Inbound mapping throws {@link IllegalArgumentException} for content that decodes as FlatBuffers but
 * makes no sense (an invalid ring); the caller answers the peer with {@code BAD_REQUEST}.
 */
public final class GossipMessages {

    private GossipMessages() {}

    public static GossipSyn toWire(Syn syn) {
        return new GossipSyn(
                syn.from(),
                syn.clusterName(),
                syn.digests().stream().map(GossipMessages::toWire).toList(),
                syn.ringEpoch(),
                syn.ringProposer(),
                syn.heartbeat(),
                syn.full(),
                syn.viewHash());
    }

    public static Syn fromWire(GossipSyn syn) {
        return new Syn(
                syn.from(),
                syn.clusterName(),
                syn.heartbeat(),
                syn.full(),
                syn.viewHash(),
                syn.digests().stream().map(GossipMessages::fromWire).toList(),
                syn.ringEpoch(),
                syn.ringProposer());
    }

    public static GossipAck toWire(Ack ack) {
        return new GossipAck(
                ack.digests().stream().map(GossipMessages::toWire).toList(),
                ack.states().stream().map(GossipMessages::toWire).toList(),
                ack.ring().map(GossipMessages::toWire).orElse(null),
                ack.from(),
                ack.heartbeat(),
                ack.viewHash());
    }

    public static Ack fromWire(GossipAck ack) {
        return new Ack(
                ack.from(),
                ack.heartbeat(),
                ack.viewHash(),
                ack.digests().stream().map(GossipMessages::fromWire).toList(),
                ack.states().stream().map(GossipMessages::fromWire).toList(),
                ringFromWire(ack.ring()));
    }

    public static GossipAck2 toWire(Ack2 ack2) {
        return new GossipAck2(
                ack2.states().stream().map(GossipMessages::toWire).toList(),
                ack2.ring().map(GossipMessages::toWire).orElse(null));
    }

    public static Ack2 fromWire(GossipAck2 ack2) {
        return new Ack2(ack2.states().stream().map(GossipMessages::fromWire).toList(), ringFromWire(ack2.ring()));
    }

    public static RingAssignment toWire(RingRegister ring) {
        return RingLayout.fromPayload(ring.payload()).toWire(ring.epoch(), ring.proposer());
    }

    private static Optional<RingRegister> ringFromWire(RingAssignment ring) {
        if (ring == null || ring.epoch() == 0) {
            return Optional.empty();
        }
        RingLayout layout = RingLayout.fromWire(ring);
        return Optional.of(new RingRegister(ring.epoch(), ring.proposer(), layout.toPayload()));
    }

    private static io.ringkv.protocol.message.GossipDigest toWire(GossipDigest digest) {
        return new io.ringkv.protocol.message.GossipDigest(digest.nodeId(), digest.generation(), digest.version());
    }

    private static GossipDigest fromWire(io.ringkv.protocol.message.GossipDigest digest) {
        return new GossipDigest(digest.nodeId(), digest.generation(), digest.version());
    }

    public static io.ringkv.protocol.message.EndpointState toWire(EndpointState state) {
        return new io.ringkv.protocol.message.EndpointState(
                state.nodeId(),
                state.generation(),
                state.version(),
                state.host(),
                state.binaryPort(),
                state.httpPort(),
                state.rack(),
                NodeStatus.valueOf(state.status().name()),
                state.incarnation(),
                state.unreachable());
    }

    public static EndpointState fromWire(io.ringkv.protocol.message.EndpointState state) {
        return new EndpointState(
                state.nodeId(),
                state.generation(),
                state.version(),
                state.host(),
                state.binaryPort(),
                state.httpPort(),
                state.rack(),
                NodeState.valueOf(state.status().name()),
                state.incarnation(),
                state.unreachable());
    }
}
