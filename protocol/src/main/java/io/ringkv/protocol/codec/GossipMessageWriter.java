package io.ringkv.protocol.codec;

import io.ringkv.protocol.message.EndpointState;
import io.ringkv.protocol.message.GossipAck;
import io.ringkv.protocol.message.GossipAck2;
import io.ringkv.protocol.message.GossipDigest;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.RingAssignment;
import java.util.List;

/**
 * Writes the gossip round messages (SYN, ACK, ACK2) with their digests, endpoint states and ring
 * assignment into FlatBuffers tables. Part of the mapping that {@link MessageEncoder} drives;
 * {@link GossipMessageReader} is its inverse.
 */
final class GossipMessageWriter {

    private GossipMessageWriter() {}

    static int gossipSyn(FlatWriter writer, GossipSyn message) {
        int from = writer.string(message.from());
        int clusterName = writer.string(message.clusterName());
        int digests = digests(writer, message.digests());
        int ringProposer = writer.string(message.ringProposer());
        return io.ringkv.protocol.fbs.GossipSyn.createGossipSyn(
                writer.builder,
                from,
                clusterName,
                digests,
                message.ringEpoch(),
                ringProposer,
                message.heartbeat(),
                message.full(),
                message.viewHash());
    }

    static int gossipAck(FlatWriter writer, GossipAck message) {
        int digests = digests(writer, message.digests());
        int states = states(writer, message.states());
        int ring = ring(writer, message.ring());
        int from = writer.string(message.from());
        return io.ringkv.protocol.fbs.GossipAck.createGossipAck(
                writer.builder, digests, states, ring, from, message.heartbeat(), message.viewHash());
    }

    static int gossipAck2(FlatWriter writer, GossipAck2 message) {
        int states = states(writer, message.states());
        int ring = ring(writer, message.ring());
        return io.ringkv.protocol.fbs.GossipAck2.createGossipAck2(writer.builder, states, ring);
    }

    private static int digests(FlatWriter writer, List<GossipDigest> digests) {
        int[] offsets = new int[digests.size()];
        for (int i = 0; i < offsets.length; i++) {
            GossipDigest digest = digests.get(i);
            int nodeId = writer.string(digest.nodeId());
            offsets[i] = io.ringkv.protocol.fbs.GossipDigest.createGossipDigest(
                    writer.builder, nodeId, digest.generation(), digest.version());
        }
        return writer.tables(offsets);
    }

    private static int states(FlatWriter writer, List<EndpointState> states) {
        int[] offsets = new int[states.size()];
        for (int i = 0; i < offsets.length; i++) {
            EndpointState state = states.get(i);
            int nodeId = writer.string(state.nodeId());
            int host = writer.string(state.host());
            int rack = writer.string(state.rack());
            int unreachable = writer.strings(state.unreachable());
            offsets[i] = io.ringkv.protocol.fbs.EndpointState.createEndpointState(
                    writer.builder,
                    nodeId,
                    state.generation(),
                    state.version(),
                    host,
                    state.binaryPort(),
                    state.httpPort(),
                    rack,
                    state.status().wireValue(),
                    state.incarnation(),
                    unreachable);
        }
        return writer.tables(offsets);
    }

    /** Offset 0 (absent) for a {@code null} ring: the sender's ring is not newer. */
    private static int ring(FlatWriter writer, RingAssignment ring) {
        if (ring == null) {
            return 0;
        }
        int proposer = writer.string(ring.proposer());
        int members = writer.strings(ring.members());
        int owners = writer.unsignedShorts(ring.owners());
        int pendingOwners = writer.unsignedShorts(ring.pendingOwners());
        return io.ringkv.protocol.fbs.RingAssignment.createRingAssignment(
                writer.builder,
                ring.epoch(),
                proposer,
                ring.partitionCount(),
                ring.replicationFactor(),
                members,
                owners,
                pendingOwners);
    }
}
