package io.ringkv.ring;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The mutable working copy {@link PartitionAssigner} edits: owners as node indexes, per-node load, and
 * the neighbourhood checks that keep preference lists made of nearby partitions.
 *
 * <p>Two partitions closer than N positions end up in the same preference lists, so the same node (or,
 * with racks, the same rack) on both makes the lists reach further around the ring. A "conflict" of
 * placing node d at partition x counts the partitions within {@code reach} positions either side held by
 * d (node conflicts) or by another node of d's rack (rack conflicts), where reach is min(N, nodes) - 1,
 * respectively min(N, racks) - 1. Single-threaded; never shared.
 */
final class AssignmentState {

    private final String[] nodeNames;
    private final Map<String, Integer> indexOfNode;
    private final int[] owner;
    private final int[] load;
    private final int[] rackOfNode;
    private final String[] rackNames;
    private final boolean rackAware;
    private int nodeReach;
    private int rackReach;
    private int ignoredNode = -1;

    private AssignmentState(String[] nodeNames, int partitionCount, Map<String, String> rackOf) {
        this.nodeNames = nodeNames;
        this.indexOfNode = new HashMap<>();
        this.owner = new int[partitionCount];
        this.load = new int[nodeNames.length];
        this.rackOfNode = new int[nodeNames.length];
        Map<String, Integer> rackIds = new HashMap<>();
        boolean anyRack = false;
        for (int i = 0; i < nodeNames.length; i++) {
            indexOfNode.put(nodeNames[i], i);
            String rack = rackOf.getOrDefault(nodeNames[i], "");
            rack = rack == null ? "" : rack;
            anyRack |= !rack.isEmpty();
            rackOfNode[i] = rackIds.computeIfAbsent(rack, unused -> rackIds.size());
        }
        this.rackNames = new String[rackIds.size()];
        rackIds.forEach((name, id) -> rackNames[id] = name);
        this.rackAware = anyRack;
    }

    /** A state over {@code owners} that also knows the {@code extraNodes} (e.g. a joining node). */
    static AssignmentState of(String[] owners, Collection<String> extraNodes, Map<String, String> rackOf) {
        TreeSet<String> names = new TreeSet<>(extraNodes);
        for (int partition = 0; partition < owners.length; partition++) {
            if (owners[partition] == null) {
                throw new IllegalArgumentException("partition " + partition + " has no owner");
            }
            names.add(owners[partition]);
        }
        AssignmentState state = new AssignmentState(names.toArray(String[]::new), owners.length, rackOf);
        for (int partition = 0; partition < owners.length; partition++) {
            int node = state.indexOfNode.get(owners[partition]);
            state.owner[partition] = node;
            state.load[node]++;
        }
        return state;
    }

    /** An empty state (every partition owned by node 0) for an initial assignment to fill. */
    static AssignmentState empty(String[] sortedNodes, int partitionCount, Map<String, String> rackOf) {
        AssignmentState state = new AssignmentState(sortedNodes, partitionCount, rackOf);
        state.load[0] = partitionCount;
        return state;
    }

    /** Sets the neighbourhood reach for a ring of {@code nodes} nodes in {@code racks} racks. */
    void useReplicationWindow(int replicationFactor, int nodes, int racks) {
        int maxReach = (owner.length - 1) / 2;
        nodeReach = Math.min(Math.max(Math.min(replicationFactor, nodes) - 1, 0), maxReach);
        rackReach = rackAware ? Math.min(Math.max(Math.min(replicationFactor, racks) - 1, 0), maxReach) : 0;
    }

    /** Makes conflict checks ignore partitions held by {@code node} (a node that is leaving). */
    void ignoreNode(int node) {
        ignoredNode = node;
    }

    int partitionCount() {
        return owner.length;
    }

    int nodeCount() {
        return nodeNames.length;
    }

    Integer indexOf(String nodeId) {
        return indexOfNode.get(nodeId);
    }

    String nameOf(int node) {
        return nodeNames[node];
    }

    int rackOf(int node) {
        return rackOfNode[node];
    }

    String rackName(int rack) {
        return rackNames[rack];
    }

    int owner(int partition) {
        return owner[partition];
    }

    int load(int node) {
        return load[node];
    }

    void assign(int partition, int node) {
        load[owner[partition]]--;
        owner[partition] = node;
        load[node]++;
    }

    void swap(int first, int second) {
        int held = owner[first];
        owner[first] = owner[second];
        owner[second] = held;
    }

    /** Neighbours within reach of {@code partition} held by {@code node} itself. */
    int nodeConflicts(int partition, int node) {
        int conflicts = 0;
        for (int distance = 1; distance <= nodeReach; distance++) {
            if (owner[wrap(partition + distance)] == node) {
                conflicts++;
            }
            if (owner[wrap(partition - distance)] == node) {
                conflicts++;
            }
        }
        return conflicts;
    }

    /** Neighbours within reach of {@code partition} held by another node of {@code node}'s rack. */
    int rackConflicts(int partition, int node) {
        int conflicts = 0;
        for (int distance = 1; distance <= rackReach; distance++) {
            conflicts += sameRackOther(owner[wrap(partition + distance)], node);
            conflicts += sameRackOther(owner[wrap(partition - distance)], node);
        }
        return conflicts;
    }

    /** Node conflicts weigh more than rack conflicts: a repeated node costs a replica outright. */
    int conflictScore(int partition, int node) {
        return nodeConflicts(partition, node) * 1024 + rackConflicts(partition, node);
    }

    private int sameRackOther(int neighbour, int node) {
        return neighbour != node && neighbour != ignoredNode && rackOfNode[neighbour] == rackOfNode[node] ? 1 : 0;
    }

    int wrap(int partition) {
        return partition & (owner.length - 1);
    }

    String[] toOwners() {
        String[] owners = new String[owner.length];
        for (int partition = 0; partition < owner.length; partition++) {
            owners[partition] = nodeNames[owner[partition]];
        }
        return owners;
    }
}
