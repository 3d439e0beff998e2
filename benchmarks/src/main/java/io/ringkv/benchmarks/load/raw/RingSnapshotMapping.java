package io.ringkv.benchmarks.load.raw;

import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.message.NodeEntry;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link RingSnapshot} a node described in a {@link RingSnapshotReply}: with the same
 * partitioner, owners and replication factor it yields the preference lists the nodes route by.
 */
public final class RingSnapshotMapping {

    private RingSnapshotMapping() {}

    /** @throws IllegalArgumentException when the reply does not describe a valid ring */
    public static RingSnapshot toSnapshot(RingSnapshotReply reply) {
        List<NodeEntry> entries = reply.nodes();
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (NodeEntry entry : entries) {
            nodes.put(
                    entry.nodeId(),
                    new NodeInfo(
                            entry.nodeId(),
                            entry.host(),
                            entry.binaryPort(),
                            entry.httpPort(),
                            entry.rack(),
                            toState(entry.status()),
                            entry.alive()));
        }
        int[] ownerIndexes = reply.owners();
        String[] owners = new String[ownerIndexes.length];
        for (int partition = 0; partition < ownerIndexes.length; partition++) {
            int index = ownerIndexes[partition];
            if (index >= entries.size()) {
                throw new IllegalArgumentException(
                        "owner index " + index + " of partition " + partition + " is not in the node list");
            }
            owners[partition] = entries.get(index).nodeId();
        }
        return RingSnapshot.of(
                reply.version(), new Partitioner(reply.partitionCount()), reply.replicationFactor(), owners, nodes);
    }

    private static NodeState toState(NodeStatus status) {
        return switch (status) {
            case JOINING -> NodeState.JOINING;
            case NORMAL -> NodeState.NORMAL;
            case LEAVING -> NodeState.LEAVING;
            case LEFT -> NodeState.LEFT;
        };
    }
}
