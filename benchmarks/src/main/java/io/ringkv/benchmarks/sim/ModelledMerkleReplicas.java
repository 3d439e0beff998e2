package io.ringkv.benchmarks.sim;

import io.ringkv.protocol.message.KeyHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Two replicas of a key set too large to materialise (10<sup>8</sup> keys), derived from the tree shape
 * alone: the {@code divergent} keys fall in uniformly random leaves (as tokens do), every tree node above
 * such a leaf differs, and every leaf holds the mean number of keys, {@code keys / (Q × leaves)} (at least
 * as many as diverged there). Hashes are pseudo-random 64-bit values (never 0, which the wire format would
 * omit) that differ between the sides exactly above divergent keys; the entries under a leaf are synthetic
 * 14-byte keys, so the exchange's messages have the real shape and are sized by the real encoder. This is a model: the per-leaf key count is the mean, not the binomial draw.
 */
public final class ModelledMerkleReplicas {

    private final MerkleTreeShape shape;
    private final int keysPerLeaf;
    private final Map<Long, Integer> divergentPerLeaf = new HashMap<>();
    private final Set<Long> differingNodes = new HashSet<>();

    public ModelledMerkleReplicas(MerkleTreeShape shape, long keyCount, int divergent, long seed) {
        this.shape = shape;
        long leaves = (long) shape.partitions() * shape.leavesPerPartition();
        this.keysPerLeaf = (int) Math.max(1, Math.round((double) keyCount / leaves));
        SplittableRandom random = new SplittableRandom(seed);
        int firstLeaf = MerkleTreeShape.firstIndexAt(shape.leafDepth());
        for (int i = 0; i < divergent; i++) {
            long globalLeaf = random.nextLong(leaves);
            divergentPerLeaf.merge(globalLeaf, 1, Integer::sum);
            int partition = (int) (globalLeaf / shape.leavesPerPartition());
            int index = firstLeaf + (int) (globalLeaf % shape.leavesPerPartition());
            while (true) {
                differingNodes.add(nodeKey(partition, index));
                if (index == 0) {
                    break;
                }
                index = (index - 1) / 2;
            }
        }
    }

    public int keysPerLeaf() {
        return keysPerLeaf;
    }

    /** The initiator's side: the reference hashes and keys. */
    public MerkleSide initiator() {
        return new Side(false);
    }

    /** The peer's side: differs above every divergent key, and in the hashes of those keys. */
    public MerkleSide peer() {
        return new Side(true);
    }

    private long nodeKey(int partition, int index) {
        return (long) partition * shape.nodesPerTree() + index;
    }

    /** One side of the modelled pair. */
    private final class Side implements MerkleSide {

        private final boolean divergent;

        Side(boolean divergent) {
            this.divergent = divergent;
        }

        @Override
        public long hash(int partition, int index) {
            long hash = SimulatedMerkleReplica.mix(nodeKey(partition, index));
            return divergent && differingNodes.contains(nodeKey(partition, index)) ? hash ^ 1 : hash;
        }

        @Override
        public List<KeyHash> entries(int partition, int leaf) {
            long globalLeaf = (long) partition * shape.leavesPerPartition() + leaf;
            int diverged = divergentPerLeaf.getOrDefault(globalLeaf, 0);
            int count = Math.max(keysPerLeaf, diverged);
            List<KeyHash> entries = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                byte[] key = String.format("k%05d%04d%04d", partition, leaf, j).getBytes(StandardCharsets.US_ASCII);
                long hash = SimulatedMerkleReplica.mix(globalLeaf * 65_536 + j);
                entries.add(new KeyHash(key, divergent && j < diverged ? hash ^ 1 : hash));
            }
            return entries;
        }
    }
}
