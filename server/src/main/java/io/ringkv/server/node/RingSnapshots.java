package io.ringkv.server.node;

import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.message.NodeEntry;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the ring snapshot a client receives from the snapshot this node serves from. */
final class RingSnapshots {

    private RingSnapshots() {}

    static RingSnapshotReply toReply(RingSnapshot ring) {
        List<NodeEntry> nodes = new ArrayList<>();
        Map<String, Integer> indexOf = new HashMap<>();
        for (NodeInfo node : ring.nodes().values()) {
            indexOf.put(node.nodeId(), nodes.size());
            nodes.add(new NodeEntry(
                    node.nodeId(),
                    node.host(),
                    node.binaryPort(),
                    node.httpPort(),
                    node.rack(),
                    NodeStatus.valueOf(node.state().name()),
                    node.alive()));
        }
        String[] owners = ring.ownersArray();
        int[] ownerIndexes = new int[owners.length];
        for (int p = 0; p < owners.length; p++) {
            ownerIndexes[p] = indexOf.get(owners[p]);
        }
        return new RingSnapshotReply(
                ring.version(), ring.partitionCount(), ring.replicationFactor(), nodes, ownerIndexes);
    }
}
