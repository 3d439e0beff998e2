package io.ringkv.protocol.codec;

import io.ringkv.protocol.message.EndpointState;
import io.ringkv.protocol.message.GossipAck;
import io.ringkv.protocol.message.GossipAck2;
import io.ringkv.protocol.message.GossipDigest;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.RingAssignment;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the gossip round messages out of FlatBuffers tables into records, limiting every list to
 * {@link io.ringkv.protocol.ProtocolLimits#maxListEntries()}. Inverse of {@link GossipMessageWriter};
 * driven by {@link MessageDecoder}.
 */
final class GossipMessageReader {

    private GossipMessageReader() {}

    static GossipSyn gossipSyn(FlatReader reader, io.ringkv.protocol.fbs.GossipSyn table) {
        int count = reader.listLength(table.digestsLength(), FlatReader.TABLE_ELEMENT_BYTES, "digests");
        GossipDigest[] digests = new GossipDigest[count];
        io.ringkv.protocol.fbs.GossipDigest digest = new io.ringkv.protocol.fbs.GossipDigest();
        for (int i = 0; i < count; i++) {
            digests[i] = digest(reader, table.digests(digest, i));
        }
        return new GossipSyn(
                reader.string(table.from(), "from"),
                reader.string(table.clusterName(), "cluster_name"),
                Arrays.asList(digests),
                table.ringEpoch(),
                reader.string(table.ringProposer(), "ring_proposer"),
                table.heartbeat(),
                table.full(),
                table.viewHash());
    }

    static GossipAck gossipAck(FlatReader reader, io.ringkv.protocol.fbs.GossipAck table) {
        int count = reader.listLength(table.digestsLength(), FlatReader.TABLE_ELEMENT_BYTES, "digests");
        GossipDigest[] digests = new GossipDigest[count];
        io.ringkv.protocol.fbs.GossipDigest digest = new io.ringkv.protocol.fbs.GossipDigest();
        for (int i = 0; i < count; i++) {
            digests[i] = digest(reader, table.digests(digest, i));
        }
        int stateCount = reader.listLength(table.statesLength(), FlatReader.TABLE_ELEMENT_BYTES, "states");
        EndpointState[] states = new EndpointState[stateCount];
        io.ringkv.protocol.fbs.EndpointState state = new io.ringkv.protocol.fbs.EndpointState();
        for (int i = 0; i < stateCount; i++) {
            states[i] = endpointState(reader, table.states(state, i));
        }
        return new GossipAck(
                Arrays.asList(digests),
                Arrays.asList(states),
                ring(reader, table.ring()),
                reader.string(table.from(), "from"),
                table.heartbeat(),
                table.viewHash());
    }

    static GossipAck2 gossipAck2(FlatReader reader, io.ringkv.protocol.fbs.GossipAck2 table) {
        int stateCount = reader.listLength(table.statesLength(), FlatReader.TABLE_ELEMENT_BYTES, "states");
        EndpointState[] states = new EndpointState[stateCount];
        io.ringkv.protocol.fbs.EndpointState state = new io.ringkv.protocol.fbs.EndpointState();
        for (int i = 0; i < stateCount; i++) {
            states[i] = endpointState(reader, table.states(state, i));
        }
        return new GossipAck2(Arrays.asList(states), ring(reader, table.ring()));
    }

    private static GossipDigest digest(FlatReader reader, io.ringkv.protocol.fbs.GossipDigest table) {
        return new GossipDigest(reader.string(table.nodeId(), "digests.node_id"), table.generation(), table.version());
    }

    /** The deprecated {@code heartbeat} slot is ignored: heartbeats travel in the SYN and ACK. */
    private static EndpointState endpointState(FlatReader reader, io.ringkv.protocol.fbs.EndpointState table) {
        int unreachableCount =
                reader.listLength(table.unreachableLength(), FlatReader.STRING_ELEMENT_BYTES, "states.unreachable");
        String[] unreachable = new String[unreachableCount];
        for (int i = 0; i < unreachableCount; i++) {
            unreachable[i] = reader.string(table.unreachable(i), "states.unreachable");
        }
        return new EndpointState(
                reader.string(table.nodeId(), "states.node_id"),
                table.generation(),
                table.version(),
                reader.string(table.host(), "states.host"),
                table.binaryPort(),
                table.httpPort(),
                reader.string(table.rack(), "states.rack"),
                reader.nodeStatus(table.status()),
                table.incarnation(),
                List.of(unreachable));
    }

    /** An absent ring reads as {@code null}: the sender's ring was not newer. */
    private static RingAssignment ring(FlatReader reader, io.ringkv.protocol.fbs.RingAssignment table) {
        if (table == null) {
            return null;
        }
        int count = reader.listLength(table.membersLength(), FlatReader.STRING_ELEMENT_BYTES, "ring.members");
        String[] members = new String[count];
        for (int i = 0; i < count; i++) {
            members[i] = reader.string(table.members(i), "ring.members");
        }
        return new RingAssignment(
                table.epoch(),
                reader.string(table.proposer(), "ring.proposer"),
                reader.index(table.partitionCount(), "ring.partition_count"),
                table.replicationFactor(),
                List.of(members),
                reader.unsignedShorts(table.ownersAsByteBuffer(), table.ownersLength(), "ring.owners"),
                reader.unsignedShorts(
                        table.pendingOwnersAsByteBuffer(), table.pendingOwnersLength(), "ring.pending_owners"));
    }
}
