package io.ringkv.ring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays out a new ring for {@link PartitionAssigner#initial}: partitions are dealt in blocks of S (one
 * partition per node per block), so every node owns ⌊Q/S⌋ or ⌈Q/S⌉ partitions spread evenly around the
 * ring.
 *
 * <p>Each block follows the same rack pattern (racks interleaved so neighbours within N are on other
 * racks where rack sizes allow), but the nodes within each rack are shuffled per block with a seeded
 * generator. A pure round-robin deal would give every node the same neighbours all around the ring, and
 * then a leaving node's partitions could only go to nodes sitting right next to them; varied neighbours
 * leave room to hand them over without repeats. Where a block meets the previous one, a node that would
 * repeat within N is swapped with a later same-rack slot of the block; a final pass repairs the seam where
 * the last block meets the first.
 */
final class InitialLayout {

    /** How many swap partners the final repair tries per conflicting partition. */
    private static final int REPAIR_ATTEMPTS = 256;

    private final AssignmentState state;
    private final int replicationFactor;
    private final int reach;
    private long randomState;

    private InitialLayout(AssignmentState state, int replicationFactor, long seed) {
        this.state = state;
        this.replicationFactor = replicationFactor;
        this.reach = Math.min(replicationFactor, state.nodeCount()) - 1;
        this.randomState = seed;
    }

    /** Fills {@code state}, whose neighbourhood window must already be set, for {@code racks} racks. */
    static void layOut(AssignmentState state, int racks, int replicationFactor, long seed) {
        new InitialLayout(state, replicationFactor, seed).layOut(racks);
    }

    private void layOut(int racks) {
        int nodeCount = state.nodeCount();
        int[] rackPattern = rackPattern(racks);
        List<int[]> nodesOfRack = nodesOfRack();
        int[] block = new int[nodeCount];
        int partitionCount = state.partitionCount();
        for (int blockStart = 0; blockStart < partitionCount; blockStart += nodeCount) {
            for (int[] rackNodes : nodesOfRack) {
                shuffle(rackNodes);
            }
            int[] next = new int[nodesOfRack.size()];
            for (int slot = 0; slot < nodeCount; slot++) {
                int rack = rackPattern[slot];
                block[slot] = nodesOfRack.get(rack)[next[rack]++];
            }
            if (blockStart > 0) {
                fixSeam(block, rackPattern, blockStart);
            }
            for (int slot = 0; slot < nodeCount && blockStart + slot < partitionCount; slot++) {
                state.assign(blockStart + slot, block[slot]);
            }
        }
        repairNeighbourhoods();
    }

    /**
     * The rack of each slot of a block: each slot takes the rack with the most nodes left among those not
     * used in the last reach slots (ties to the lower rack name), so racks interleave as far as sizes allow.
     */
    private int[] rackPattern(int racks) {
        TreeMap<String, Integer> remainingByRack = new TreeMap<>();
        for (int node = 0; node < state.nodeCount(); node++) {
            remainingByRack.merge(state.rackName(state.rackOf(node)), 1, Integer::sum);
        }
        Map<String, Integer> rackNumber = new TreeMap<>();
        for (int node = 0; node < state.nodeCount(); node++) {
            rackNumber.put(state.rackName(state.rackOf(node)), state.rackOf(node));
        }
        int rackReach = Math.min(replicationFactor, racks) - 1;
        Deque<String> recent = new ArrayDeque<>();
        int[] pattern = new int[state.nodeCount()];
        for (int slot = 0; slot < pattern.length; slot++) {
            String chosen = null;
            String fallback = null;
            for (Map.Entry<String, Integer> rack : remainingByRack.entrySet()) {
                int left = rack.getValue();
                if (left == 0) {
                    continue;
                }
                if (fallback == null || left > remainingByRack.get(fallback)) {
                    fallback = rack.getKey();
                }
                if (!recent.contains(rack.getKey()) && (chosen == null || left > remainingByRack.get(chosen))) {
                    chosen = rack.getKey();
                }
            }
            String rack = chosen != null ? chosen : fallback;
            remainingByRack.merge(rack, -1, Integer::sum);
            pattern[slot] = rackNumber.get(rack);
            recent.addLast(rack);
            if (recent.size() > rackReach) {
                recent.removeFirst();
            }
        }
        return pattern;
    }

    /** Node indexes grouped by rack number, ascending within each rack. */
    private List<int[]> nodesOfRack() {
        int rackCount = 0;
        for (int node = 0; node < state.nodeCount(); node++) {
            rackCount = Math.max(rackCount, state.rackOf(node) + 1);
        }
        List<List<Integer>> grouped = new ArrayList<>();
        for (int rack = 0; rack < rackCount; rack++) {
            grouped.add(new ArrayList<>());
        }
        for (int node = 0; node < state.nodeCount(); node++) {
            grouped.get(state.rackOf(node)).add(node);
        }
        List<int[]> result = new ArrayList<>();
        for (List<Integer> rackNodes : grouped) {
            result.add(rackNodes.stream().mapToInt(Integer::intValue).toArray());
        }
        return result;
    }

    /**
     * For the first reach slots of a block, a node that also sits within reach at the end of the
     * previous block swaps with a later slot of the same rack. What moves to a slot at least reach slots
     * in is safe; what moves to an earlier one is checked again when the loop gets there.
     */
    private void fixSeam(int[] block, int[] rackPattern, int blockStart) {
        for (int slot = 0; slot < Math.min(reach, block.length); slot++) {
            if (!repeatsBefore(block, slot, block[slot], blockStart)) {
                continue;
            }
            for (int later = slot + 1; later < block.length; later++) {
                if (rackPattern[later] == rackPattern[slot] && !repeatsBefore(block, slot, block[later], blockStart)) {
                    int held = block[slot];
                    block[slot] = block[later];
                    block[later] = held;
                    break;
                }
            }
        }
    }

    /** Whether {@code node} at {@code slot} repeats one of the previous reach partitions. */
    private boolean repeatsBefore(int[] block, int slot, int node, int blockStart) {
        for (int distance = 1; distance <= reach; distance++) {
            int previous = slot - distance;
            int neighbour = previous >= 0 ? block[previous] : state.owner(blockStart + previous);
            if (neighbour == node) {
                return true;
            }
        }
        return false;
    }

    /**
     * Swapping owners keeps every load, so each partition still in conflict (mostly at the seam where
     * the ring wraps) tries a bounded number of partners across the ring and keeps a swap that lowers
     * the conflicts of both positions.
     */
    private void repairNeighbourhoods() {
        int partitionCount = state.partitionCount();
        for (int partition = 0; partition < partitionCount; partition++) {
            int here = state.owner(partition);
            int before = state.conflictScore(partition, here);
            if (before == 0) {
                continue;
            }
            for (int attempt = 0; attempt < Math.min(REPAIR_ATTEMPTS, partitionCount); attempt++) {
                int partner = state.wrap(partition + partitionCount / 2 + attempt);
                int there = state.owner(partner);
                if (there == here) {
                    continue;
                }
                int beforeBoth = before + state.conflictScore(partner, there);
                state.swap(partition, partner);
                int afterBoth = state.conflictScore(partition, there) + state.conflictScore(partner, here);
                if (afterBoth < beforeBoth) {
                    break;
                }
                state.swap(partition, partner);
            }
        }
    }

    private void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(nextRandom(), i + 1);
            int held = values[i];
            values[i] = values[j];
            values[j] = held;
        }
    }

    /** SplitMix64: tiny, fully specified, so every JVM lays out the same ring for the same seed. */
    private long nextRandom() {
        long z = (randomState += 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
