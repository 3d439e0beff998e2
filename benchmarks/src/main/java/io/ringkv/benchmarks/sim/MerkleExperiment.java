package io.ringkv.benchmarks.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Merkle bytes exchanged between two replicas for k divergent keys: over a real tree of materialised keys
 * (10<sup>6</sup>), and over the shape model (the same 10<sup>6</sup>, to check the model against the real
 * tree, then 10<sup>8</sup>).
 */
public final class MerkleExperiment {

    /**
     * One measured or modelled exchange.
     *
     * @param keys keys both replicas hold
     * @param divergent keys made to differ
     * @param shape tree shape
     * @param modelled whether the tree was modelled rather than built over real keys
     * @param keysPerLeaf mean keys under one leaf
     * @param result bytes and counts
     */
    public record Row(
            long keys,
            int divergent,
            MerkleTreeShape shape,
            boolean modelled,
            double keysPerLeaf,
            MerkleExchangeResult result) {}

    private final long seed;

    public MerkleExperiment(long seed) {
        this.seed = seed;
    }

    /** Exchanges over a real tree of {@code keys} materialised keys, one per entry of {@code divergentCounts}. */
    public List<Row> real(MerkleTreeShape shape, int keys, List<Integer> divergentCounts) {
        MerkleKeySpace keySpace = new MerkleKeySpace(shape, keys);
        MerkleExchange exchange = new MerkleExchange(shape);
        double keysPerLeaf = (double) keys / ((long) shape.partitions() * shape.leavesPerPartition());
        List<Row> rows = new ArrayList<>();
        for (int divergent : divergentCounts) {
            SimulatedMerkleReplica[] pair = SimulatedMerkleReplica.divergentPair(keySpace, divergent, seed + divergent);
            rows.add(new Row(keys, divergent, shape, false, keysPerLeaf, exchange.run(pair[0], pair[1])));
        }
        return rows;
    }

    /** Exchanges over the shape model of {@code keys} keys, one per entry of {@code divergentCounts}. */
    public List<Row> modelled(MerkleTreeShape shape, long keys, List<Integer> divergentCounts) {
        MerkleExchange exchange = new MerkleExchange(shape);
        List<Row> rows = new ArrayList<>();
        for (int divergent : divergentCounts) {
            ModelledMerkleReplicas pair = new ModelledMerkleReplicas(shape, keys, divergent, seed + divergent);
            rows.add(new Row(
                    keys, divergent, shape, true, pair.keysPerLeaf(), exchange.run(pair.initiator(), pair.peer())));
        }
        return rows;
    }
}
