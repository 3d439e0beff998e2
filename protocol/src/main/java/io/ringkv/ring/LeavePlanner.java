package io.ringkv.ring;

/**
 * Hands a leaving node's partitions to the remaining owners; part of {@link PartitionAssigner}.
 *
 * <p>Only the leaving node's partitions move. With n' owners left, a node receives only while it holds
 * fewer than ⌊Q/n'⌋ partitions ("must receive"), or exactly that many while there are partitions to
 * spare beyond what the must-receive nodes are owed; so the ring ends balanced. Each partition, taken in
 * ring order, goes to the eligible node with the fewest same-node and same-rack neighbours within N,
 * then the lowest load, then a rotation by partition number so ties do not always favour one node.
 * Deterministic.
 */
final class LeavePlanner {

    private final AssignmentState state;
    private final int leaving;
    private final boolean[] active;
    private final int activeCount;
    private final int floor;
    private int remaining;
    private int mustReceiveRemaining;

    private LeavePlanner(AssignmentState state, int leaving) {
        this.state = state;
        this.leaving = leaving;
        this.active = new boolean[state.nodeCount()];
        int count = 0;
        for (int node = 0; node < state.nodeCount(); node++) {
            active[node] = node != leaving && state.load(node) > 0;
            count += active[node] ? 1 : 0;
        }
        this.activeCount = count;
        if (activeCount == 0) {
            throw new IllegalArgumentException("cannot remove " + state.nameOf(leaving) + ": it is the only owner");
        }
        this.floor = state.partitionCount() / activeCount;
        this.remaining = state.load(leaving);
        for (int node = 0; node < state.nodeCount(); node++) {
            if (active[node]) {
                mustReceiveRemaining += Math.max(0, floor - state.load(node));
            }
        }
    }

    /** Moves every partition of {@code leaving} to the remaining owners. */
    static void leave(AssignmentState state, int leaving, int racksAfter, int replicationFactor) {
        LeavePlanner planner = new LeavePlanner(state, leaving);
        state.useReplicationWindow(replicationFactor, planner.activeCount, racksAfter);
        state.ignoreNode(leaving);
        planner.run();
    }

    private void run() {
        for (int partition = 0; partition < state.partitionCount(); partition++) {
            if (state.owner(partition) == leaving) {
                int receiver = chooseReceiver(partition);
                if (state.load(receiver) < floor) {
                    mustReceiveRemaining--;
                }
                state.assign(partition, receiver);
                remaining--;
            }
        }
    }

    private int chooseReceiver(int partition) {
        int best = -1;
        long bestKey = Long.MAX_VALUE;
        boolean anyEligible = false;
        for (int node = 0; node < active.length; node++) {
            if (!active[node] || !mayReceive(node)) {
                continue;
            }
            anyEligible = true;
            long key = rank(partition, node);
            if (key < bestKey) {
                bestKey = key;
                best = node;
            }
        }
        if (anyEligible) {
            return best;
        }
        // Only reachable when the input was unbalanced: fall back to the least-loaded owners.
        for (int node = 0; node < active.length; node++) {
            if (active[node]) {
                long key = ((long) state.load(node) << 32) | rotation(partition, node);
                if (key < bestKey) {
                    bestKey = key;
                    best = node;
                }
            }
        }
        return best;
    }

    /** Orders candidates by conflicts, then load, then rotation; smaller is better. */
    private long rank(int partition, int node) {
        long conflicts = Math.min(state.conflictScore(partition, node), 0xFFFF);
        long load = Math.min(state.load(node), 0xFFFF);
        return (conflicts << 48) | (load << 32) | rotation(partition, node);
    }

    private long rotation(int partition, int node) {
        return Math.floorMod(node - partition, active.length);
    }

    private boolean mayReceive(int node) {
        int load = state.load(node);
        return load < floor || (load == floor && remaining > mustReceiveRemaining);
    }
}
