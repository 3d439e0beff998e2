package io.ringkv.ring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which node owns each partition: the balanced assignment of the Dynamo paper's strategy 3,
 * close to Riak's claim algorithm.
 *
 * <ul>
 *   <li>{@link #initial}: every node owns ⌊Q/S⌋ or ⌈Q/S⌉ partitions, dealt in blocks of one partition
 *       per node so each node's partitions are spread evenly around the ring, with no node (and, with
 *       racks, as far as the rack sizes allow, no rack) twice within N consecutive partitions: preference
 *       lists are then simply N consecutive partitions. The order within blocks is shuffled (seeded) so
 *       that nodes have varied neighbours, which leaves room to hand a leaving node's partitions over
 *       without repeats.
 *   <li>{@link #withNodeAdded}: the new node takes exactly ⌊Q/(n+1)⌋ partitions from the most-loaded
 *       nodes, spread around the ring; nothing else moves, and the ring ends balanced.
 *   <li>{@link #withNodeRemoved}: only the leaving node's partitions move, to the least-loaded nodes;
 *       the ring ends balanced.
 * </ul>
 *
 * <p>With a {@code rackOf} map (node id to rack; a missing or empty rack is the unnamed rack), choices
 * prefer positions whose neighbours within N partitions are on other racks, so that preference lists
 * rarely have to reach far to become rack-distinct. Balance guarantees assume a balanced input; an
 * unbalanced input is improved but not always fully repaired, since only the joining or leaving
 * node's partitions move.
 *
 * <p>Deterministic: the same input and seed always give the same output (node order in the input does
 * not matter: nodes are sorted first), so every node computing a plan gets the same ring. Inputs are
 * never modified. Immutable and thread-safe.
 */
public final class PartitionAssigner {

    /** The seed of the initial layout when none is given. */
    public static final long DEFAULT_SEED = 0x52494e474b56L;

    private final int replicationFactor;
    private final long seed;

    /** An assigner that keeps neighbourhoods of {@value RingSnapshot#DEFAULT_REPLICATION_FACTOR} distinct. */
    public PartitionAssigner() {
        this(RingSnapshot.DEFAULT_REPLICATION_FACTOR);
    }

    /** @param replicationFactor N, the neighbourhood width kept node-distinct (and rack-distinct) */
    public PartitionAssigner(int replicationFactor) {
        this(replicationFactor, DEFAULT_SEED);
    }

    /**
     * @param replicationFactor N, the neighbourhood width kept node-distinct (and rack-distinct)
     * @param seed seeds the shuffles of {@link #initial}; the same seed always gives the same ring
     */
    public PartitionAssigner(int replicationFactor, long seed) {
        if (replicationFactor < 1 || replicationFactor > RingSnapshot.MAX_REPLICATION_FACTOR) {
            throw new IllegalArgumentException("replication factor must be within 1.."
                    + RingSnapshot.MAX_REPLICATION_FACTOR + ", was " + replicationFactor);
        }
        this.replicationFactor = replicationFactor;
        this.seed = seed;
    }

    public int replicationFactor() {
        return replicationFactor;
    }

    /** The owners of a new ring of {@code partitionCount} partitions over {@code nodeIds}, without racks. */
    public String[] initial(List<String> nodeIds, int partitionCount) {
        return initial(nodeIds, partitionCount, Map.of());
    }

    /**
     * The owners of a new ring of {@code partitionCount} partitions over {@code nodeIds}.
     *
     * @param nodeIds the distinct, non-blank node ids; at least one
     * @param rackOf rack of each node; missing entries mean no rack
     * @throws IllegalArgumentException on a bad partition count or node list
     */
    public String[] initial(List<String> nodeIds, int partitionCount, Map<String, String> rackOf) {
        Partitioner.checkPartitionCount(partitionCount);
        Objects.requireNonNull(rackOf, "rackOf");
        String[] sorted = sortedDistinct(nodeIds);
        AssignmentState state = AssignmentState.empty(sorted, partitionCount, rackOf);
        int racks = distinctRacks(state, allNodes(state));
        state.useReplicationWindow(replicationFactor, sorted.length, racks);
        InitialLayout.layOut(state, racks, replicationFactor, seed);
        return state.toOwners();
    }

    /** {@code owners} with {@code newNode} added, without racks. */
    public String[] withNodeAdded(String[] owners, String newNode) {
        return withNodeAdded(owners, newNode, Map.of());
    }

    /**
     * {@code owners} with {@code newNode} added: it takes ⌊Q/(n+1)⌋ partitions, n being the number of
     * distinct owners, and no other partition changes hands.
     *
     * @throws IllegalArgumentException when {@code newNode} already owns partitions or the input is malformed
     */
    public String[] withNodeAdded(String[] owners, String newNode, Map<String, String> rackOf) {
        checkOwners(owners);
        checkNodeId(newNode);
        Objects.requireNonNull(rackOf, "rackOf");
        AssignmentState state = AssignmentState.of(owners, List.of(newNode), rackOf);
        int newcomer = state.indexOf(newNode);
        if (state.load(newcomer) > 0) {
            throw new IllegalArgumentException(newNode + " already owns partitions");
        }
        int ownerCount = state.nodeCount() - 1;
        JoinPlanner.join(state, newcomer, ownerCount, distinctRacks(state, allNodes(state)), replicationFactor);
        return state.toOwners();
    }

    /** {@code owners} without {@code leavingNode}, without racks. */
    public String[] withNodeRemoved(String[] owners, String leavingNode) {
        return withNodeRemoved(owners, leavingNode, Map.of());
    }

    /**
     * {@code owners} without {@code leavingNode}: its partitions, and only those, go to the remaining
     * owners, least-loaded first.
     *
     * @throws IllegalArgumentException when {@code leavingNode} owns nothing or is the only owner
     */
    public String[] withNodeRemoved(String[] owners, String leavingNode, Map<String, String> rackOf) {
        checkOwners(owners);
        checkNodeId(leavingNode);
        Objects.requireNonNull(rackOf, "rackOf");
        AssignmentState state = AssignmentState.of(owners, List.of(), rackOf);
        Integer leaving = state.indexOf(leavingNode);
        if (leaving == null) {
            throw new IllegalArgumentException(leavingNode + " owns no partitions");
        }
        List<Integer> remaining = allNodes(state);
        remaining.remove(leaving);
        LeavePlanner.leave(state, leaving, distinctRacks(state, remaining), replicationFactor);
        return state.toOwners();
    }

    private static List<Integer> allNodes(AssignmentState state) {
        List<Integer> nodes = new ArrayList<>();
        for (int node = 0; node < state.nodeCount(); node++) {
            nodes.add(node);
        }
        return nodes;
    }

    private static int distinctRacks(AssignmentState state, List<Integer> nodes) {
        Set<Integer> racks = new HashSet<>();
        for (int node : nodes) {
            racks.add(state.rackOf(node));
        }
        return racks.size();
    }

    private static String[] sortedDistinct(List<String> nodeIds) {
        Objects.requireNonNull(nodeIds, "nodeIds");
        if (nodeIds.isEmpty()) {
            throw new IllegalArgumentException("at least one node is needed");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String nodeId : nodeIds) {
            checkNodeId(nodeId);
            if (!sorted.add(nodeId)) {
                throw new IllegalArgumentException("duplicate node id " + nodeId);
            }
        }
        return sorted.toArray(String[]::new);
    }

    private static void checkOwners(String[] owners) {
        Objects.requireNonNull(owners, "owners");
        Partitioner.checkPartitionCount(owners.length);
    }

    private static void checkNodeId(String nodeId) {
        Objects.requireNonNull(nodeId, "node id");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("node id must not be blank");
        }
    }
}
