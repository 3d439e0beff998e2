package io.ringkv.benchmarks.load;

import java.util.SplittableRandom;

/**
 * The YCSB core workloads that only read and update: the share of reads is all that tells them apart.
 * Each operation is drawn independently, so over many draws the mix converges to the share.
 */
public enum Workload {
    /** Update heavy: 50 % reads, 50 % updates (a session store recording recent actions). */
    A(0.50),
    /** Read mostly: 95 % reads, 5 % updates (photo tagging). */
    B(0.95),
    /** Read only (a user profile cache). */
    C(1.00);

    private final double readProportion;

    Workload(double readProportion) {
        this.readProportion = readProportion;
    }

    /** The fraction of operations that are reads, 0..1. */
    public double readProportion() {
        return readProportion;
    }

    /** Draws the next operation type. */
    public OperationType nextOperation(SplittableRandom random) {
        // Strictly below, so that C (1.0) never updates and a proportion of 0 would never read.
        return random.nextDouble() < readProportion ? OperationType.READ : OperationType.UPDATE;
    }
}
