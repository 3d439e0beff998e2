package io.ringkv.server.streaming;

import io.ringkv.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which partitions move in a transition: every node that the next ring puts in a partition's preference
 * list but the current ring does not (a <em>gainer</em>) must receive that partition's data from one of
 * its current replicas. Nothing else moves; a node that drops out of a list keeps its copy (see
 * {@code docs/elasticity.md}). Pure and deterministic.
 *
 * <p>Sources are ordered so that as little as possible crosses the network twice: the driving node first
 * when it is a current replica (it reads its own storage), then the replicas that are dropping out of
 * the list (they hold the copy being handed over), then the others in preference-list order.
 */
public final class TransitionPlan {

    private TransitionPlan() {}

    /**
     * @param current the ring served now
     * @param next the ring the transition leads to (same Q)
     * @param driver the node that runs the transfers
     */
    public static List<PartitionTransfer> transfers(RingSnapshot current, RingSnapshot next, String driver) {
        if (current.partitionCount() != next.partitionCount()) {
            throw new IllegalArgumentException(
                    "rings of " + current.partitionCount() + " and " + next.partitionCount() + " partitions");
        }
        List<PartitionTransfer> transfers = new ArrayList<>();
        for (int partition = 0; partition < current.partitionCount(); partition++) {
            List<String> before = current.preferenceList(partition);
            List<String> after = next.preferenceList(partition);
            Set<String> staying = new HashSet<>(after);
            for (String gainer : after) {
                if (before.contains(gainer)) {
                    continue;
                }
                List<String> sources = new ArrayList<>();
                if (before.contains(driver)) {
                    sources.add(driver);
                }
                for (String replica : before) {
                    if (!staying.contains(replica) && !sources.contains(replica)) {
                        sources.add(replica);
                    }
                }
                for (String replica : before) {
                    if (!sources.contains(replica)) {
                        sources.add(replica);
                    }
                }
                transfers.add(new PartitionTransfer(partition, gainer, sources));
            }
        }
        return transfers;
    }

    /** The partitions each node gains, by node id: a summary for logs and tests. */
    public static Map<String, Set<Integer>> gains(RingSnapshot current, RingSnapshot next) {
        Map<String, Set<Integer>> gains = new TreeMap<>();
        for (PartitionTransfer transfer : transfers(current, next, "")) {
            gains.computeIfAbsent(transfer.gainer(), unused -> new TreeSet<>()).add(transfer.partition());
        }
        return gains;
    }
}
