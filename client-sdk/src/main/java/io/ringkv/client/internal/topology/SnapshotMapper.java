package io.ringkv.client.internal.topology;

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
 * Turns a node's {@link RingSnapshotReply} into the {@link RingSnapshot} the server itself routes by:
 * same partitioner, owners, racks and replication factor give the same preference lists.
 */
public final class SnapshotMapper {

    private SnapshotMapper() {}

    /**
     * @throws IllegalArgumentException when the reply does not describe a valid ring (no partitions yet,
     *     an owner index outside the node list, ...)
     */
    public static RingSnapshot toSnapshot(RingSnapshotReply reply) {
        List<NodeEntry> entries = reply.nodes();
        int[] owners = reply.owners();
        if (owners.length != reply.partitionCount()) {
            throw new IllegalArgumentException(
                    "ring snapshot has " + owners.length + " owners for " + reply.partitionCount() + " partitions");
        }
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (NodeEntry entry : entries) {
            nodes.put(entry.nodeId(), toNodeInfo(entry));
        }
        if (nodes.size() != entries.size()) {
            throw new IllegalArgumentException("ring snapshot lists a node id twice");
        }
        String[] ownerIds = new String[owners.length];
        for (int partition = 0; partition < owners.length; partition++) {
            int index = owners[partition];
            if (index >= entries.size()) {
                throw new IllegalArgumentException("owner index " + index + " of partition " + partition
                        + " is outside the node list of " + entries.size());
            }
            ownerIds[partition] = entries.get(index).nodeId();
        }
        return RingSnapshot.of(
                reply.version(), new Partitioner(reply.partitionCount()), reply.replicationFactor(), ownerIds, nodes);
    }

    private static NodeInfo toNodeInfo(NodeEntry entry) {
        return new NodeInfo(
                entry.nodeId(),
                entry.host(),
                entry.binaryPort(),
                entry.httpPort(),
                entry.rack(),
                toState(entry.status()),
                entry.alive());
    }

    private static NodeState toState(NodeStatus status) {
        switch (status) {
            case JOINING:
                return NodeState.JOINING;
            case LEAVING:
                return NodeState.LEAVING;
            case LEFT:
                return NodeState.LEFT;
            default:
                return NodeState.NORMAL;
        }
    }
}
