package io.ringkv.benchmarks.sim;

/**
 * Data moved when one node joins a balanced ring of {@code nodes} nodes.
 *
 * @param nodes nodes before the join
 * @param partitions Q
 * @param replicationFactor N
 * @param ownerChangedFraction partitions whose primary owner changed, over Q
 * @param preferenceListChangedFraction partitions whose preference list changed at all, over Q
 * @param replicaCopiesMovedFraction (partition, replica) pairs that are new after the join, over Q × N: the
 *     fraction of all stored replica data that has to be streamed
 * @param newcomerShare fraction of the Q × N replica slots the newcomer holds afterwards
 * @param millis time the assigner and the two snapshots took
 */
public record DataMovementResult(
        int nodes,
        int partitions,
        int replicationFactor,
        double ownerChangedFraction,
        double preferenceListChangedFraction,
        double replicaCopiesMovedFraction,
        double newcomerShare,
        long millis) {

    /** The ideal fraction of data to move: the newcomer's fair share, 1/(n+1). */
    public double idealFraction() {
        return 1.0 / (nodes + 1);
    }

    /** Moved over ideal; 1.0 is perfect. */
    public double movedOverIdeal() {
        return replicaCopiesMovedFraction / idealFraction();
    }
}
