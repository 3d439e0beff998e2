package io.ringkv.server.streaming;

import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cluster.PendingTransition;
import io.ringkv.server.cluster.RingLayout;
import io.ringkv.server.membership.RingRegister;
import java.util.HashMap;
import java.util.Map;

/** Ring layouts, snapshots and pending transitions for tests, over nodes without racks. */
public final class TestRings {

    private TestRings() {}

    /** A layout of {@code nodes} members built by successive joins, like a real cluster grows. */
    public static RingLayout grown(int partitionCount, int replicationFactor, int nodes) {
        RingLayout layout = RingLayout.initial(nodeId(1), partitionCount, replicationFactor);
        for (int i = 2; i <= nodes; i++) {
            layout = layout.withMember(nodeId(i));
        }
        return layout;
    }

    public static String nodeId(int index) {
        return "n" + index;
    }

    public static RingSnapshot snapshot(long version, RingLayout layout) {
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (String member : layout.members()) {
            nodes.put(member, new NodeInfo(member, "127.0.0.1", 1, 2, "", NodeState.NORMAL, true));
        }
        return RingSnapshot.of(
                version, new Partitioner(layout.partitionCount()), layout.replicationFactor(), layout.owners(), nodes);
    }

    /** The transition of a layout with pending owners, proposed by {@code proposer} at {@code epoch}. */
    public static PendingTransition transition(long epoch, String proposer, RingLayout pending) {
        RingRegister register = new RingRegister(epoch, proposer, pending.toPayload());
        return new PendingTransition(register, pending, snapshot(epoch, pending), snapshotOfNext(epoch, pending));
    }

    private static RingSnapshot snapshotOfNext(long epoch, RingLayout pending) {
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (String member : pending.members()) {
            nodes.put(member, new NodeInfo(member, "127.0.0.1", 1, 2, "", NodeState.NORMAL, true));
        }
        return RingSnapshot.of(
                epoch,
                new Partitioner(pending.partitionCount()),
                pending.replicationFactor(),
                pending.next().owners(),
                nodes);
    }
}
