package io.ringkv.benchmarks.sim;

import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.PartitionAssigner;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures how much data a join moves, with the real {@link PartitionAssigner} and {@link RingSnapshot}
 * preference lists: a balanced ring of n nodes is laid out, one node is added, and every partition's
 * preference list before and after is compared. A replica that appears in a partition's list has to
 * receive that partition's data, so moved data = new (partition, replica) pairs × data per partition.
 */
public final class DataMovementExperiment {

    private final int replicationFactor;

    public DataMovementExperiment(int replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    /** The design's rule Q ≥ 10 × nodes, rounded up to a power of two, and at least the default 4096. */
    public static int partitionCountFor(int nodes) {
        int wanted = Math.max(Partitioner.DEFAULT_PARTITION_COUNT, 10 * nodes);
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    public DataMovementResult run(int nodes, int partitions) {
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>(nodes);
        for (int index = 0; index < nodes; index++) {
            ids.add(SimulatedGossipCluster.nodeIdOf(index));
        }
        String newcomer = SimulatedGossipCluster.nodeIdOf(nodes);
        PartitionAssigner assigner = new PartitionAssigner(replicationFactor);
        String[] before = assigner.initial(ids, partitions);
        String[] after = assigner.withNodeAdded(before, newcomer);

        Partitioner partitioner = new Partitioner(partitions);
        List<String> allIds = new ArrayList<>(ids);
        allIds.add(newcomer);
        RingSnapshot oldRing = RingSnapshot.of(1, partitioner, replicationFactor, before, nodeInfos(ids));
        RingSnapshot newRing = RingSnapshot.of(2, partitioner, replicationFactor, after, nodeInfos(allIds));

        int ownersChanged = 0;
        int listsChanged = 0;
        long copiesMoved = 0;
        long newcomerSlots = 0;
        for (int partition = 0; partition < partitions; partition++) {
            if (!before[partition].equals(after[partition])) {
                ownersChanged++;
            }
            Set<String> oldList = new HashSet<>(oldRing.preferenceList(partition));
            List<String> newList = newRing.preferenceList(partition);
            boolean changed = false;
            for (String replica : newList) {
                if (!oldList.contains(replica)) {
                    copiesMoved++;
                    changed = true;
                }
                if (replica.equals(newcomer)) {
                    newcomerSlots++;
                }
            }
            if (changed) {
                listsChanged++;
            }
        }
        double slots = (double) partitions * replicationFactor;
        return new DataMovementResult(
                nodes,
                partitions,
                replicationFactor,
                ownersChanged / (double) partitions,
                listsChanged / (double) partitions,
                copiesMoved / slots,
                newcomerSlots / slots,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static Map<String, NodeInfo> nodeInfos(List<String> ids) {
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (int index = 0; index < ids.size(); index++) {
            String id = ids.get(index);
            nodes.put(
                    id,
                    new NodeInfo(
                            id,
                            SimulatedGossipCluster.addressOf(index).host(),
                            SimulatedGossipCluster.PORT,
                            8000,
                            "",
                            NodeState.NORMAL,
                            true));
        }
        return nodes;
    }
}
