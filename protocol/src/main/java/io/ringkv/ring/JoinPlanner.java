package io.ringkv.ring;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Chooses the partitions a joining node takes over; part of {@link PartitionAssigner}.
 *
 * <p>With n owners the newcomer takes exactly ⌊Q/(n+1)⌋ partitions and nothing else moves. Balance comes
 * from who gives: a node gives only while it holds more than ⌊Q/(n+1)⌋ + 1 partitions ("must give"), or
 * exactly that many while the quota still has room beyond what the must-give nodes owe. Over a balanced
 * ring this takes from many nodes (each gives a few) and ends with every node at the floor or ceiling.
 *
 * <p>Spread comes from where it takes: the newcomer's partitions cut the ring into gaps, and each step
 * takes the eligible partition nearest the middle of the largest gap, preferring positions whose
 * neighbours within N are other nodes and other racks, and positions where the donor itself repeats. Deterministic: no randomness, ties go to the
 * lower position.
 */
final class JoinPlanner {

    /** How far past the first acceptable candidate a gap search keeps looking for a conflict-free one. */
    private static final int EXTRA_SEARCH = 256;

    /** How far past a conflict-free candidate a gap search looks for one whose taking repairs a conflict. */
    private static final int REPAIR_SEARCH = 16;

    private final AssignmentState state;
    private final int newcomer;
    private final int floor;
    private int remaining;
    private int mustGiveRemaining;

    private JoinPlanner(AssignmentState state, int newcomer, int floor) {
        this.state = state;
        this.newcomer = newcomer;
        this.floor = floor;
        this.remaining = floor;
        for (int node = 0; node < state.nodeCount(); node++) {
            mustGiveRemaining += Math.max(0, state.load(node) - (floor + 1));
        }
    }

    /** Moves ⌊Q/(n+1)⌋ partitions to {@code newcomer}, which must own nothing yet. */
    static void join(AssignmentState state, int newcomer, int owners, int racksAfter, int replicationFactor) {
        state.useReplicationWindow(replicationFactor, owners + 1, racksAfter);
        new JoinPlanner(state, newcomer, state.partitionCount() / (owners + 1)).run();
    }

    private record Gap(int start, int length) {}

    private void run() {
        int partitionCount = state.partitionCount();
        PriorityQueue<Gap> gaps = new PriorityQueue<>(
                Comparator.comparingInt(Gap::length).reversed().thenComparingInt(Gap::start));
        boolean first = true;
        gaps.add(new Gap(0, partitionCount));
        while (remaining > 0) {
            Gap gap = gaps.poll();
            int taken = gap == null ? scanWholeRing() : searchGap(gap);
            if (taken < 0) {
                continue;
            }
            take(taken);
            if (first) {
                gaps.add(new Gap(state.wrap(taken + 1), partitionCount - 1));
                first = false;
            } else if (gap != null) {
                int before = Math.floorMod(taken - gap.start(), partitionCount);
                int after = gap.length() - before - 1;
                addIfNotEmpty(gaps, new Gap(gap.start(), before));
                addIfNotEmpty(gaps, new Gap(state.wrap(taken + 1), after));
            }
        }
    }

    private static void addIfNotEmpty(PriorityQueue<Gap> gaps, Gap gap) {
        if (gap.length() > 0) {
            gaps.add(gap);
        }
    }

    /**
     * The best eligible partition of the gap, scanning outward from its middle, or -1 when no partition
     * of the gap may be taken. Best means: fewest conflicts for the newcomer; then, within a few steps,
     * one whose current owner is itself in conflict there (taking it repairs that); then the most loaded
     * donor, so that no node is left at the end owing many partitions from a few spots; then nearest
     * the middle.
     */
    private int searchGap(Gap gap) {
        int middle = gap.length() / 2;
        int best = -1;
        long bestKey = Long.MAX_VALUE;
        int limit = gap.length();
        for (int step = 0; step < limit; step++) {
            int offset = (step & 1) == 0 ? middle + step / 2 : middle - (step + 1) / 2;
            int partition = state.wrap(gap.start() + offset);
            int donor = state.owner(partition);
            if (!mayGive(donor)) {
                continue;
            }
            int newcomerConflicts = state.conflictScore(partition, newcomer);
            int donorConflicts = state.conflictScore(partition, donor);
            if (newcomerConflicts == 0 && donorConflicts > 0) {
                return partition;
            }
            long key = ((long) newcomerConflicts << 42)
                    - ((long) Math.min(donorConflicts, 1023) << 32)
                    - state.load(donor);
            if (key < bestKey) {
                bestKey = key;
                best = partition;
            }
            limit = Math.min(limit, step + 1 + (newcomerConflicts == 0 ? REPAIR_SEARCH : EXTRA_SEARCH));
        }
        return best;
    }

    /** The fallback once every gap is exhausted: the least conflicting eligible partition anywhere. */
    private int scanWholeRing() {
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int partition = 0; partition < state.partitionCount(); partition++) {
            if (mayGive(state.owner(partition))) {
                int score = state.conflictScore(partition, newcomer);
                if (score < bestScore) {
                    bestScore = score;
                    best = partition;
                }
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no partition left to give although " + remaining + " are due");
        }
        return best;
    }

    private boolean mayGive(int node) {
        if (node == newcomer) {
            return false;
        }
        int load = state.load(node);
        return load > floor + 1 || (load == floor + 1 && remaining > mustGiveRemaining);
    }

    private void take(int partition) {
        int donor = state.owner(partition);
        if (state.load(donor) > floor + 1) {
            mustGiveRemaining--;
        }
        state.assign(partition, newcomer);
        remaining--;
    }
}
