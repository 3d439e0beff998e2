package io.ringkv.benchmarks.sim;

import io.ringkv.ring.Partitioner;
import java.nio.charset.StandardCharsets;

/**
 * A materialised key set for the real-tree Merkle simulation: keys {@code key-0000000000 ...} (14 bytes),
 * each placed in its partition and leaf by its real token (Murmur3, as the server does), and grouped by leaf
 * so the entries under a leaf can be listed. Holds two {@code int}s per key, so 10<sup>6</sup> keys take
 * about 8 MB; 10<sup>8</sup> keys are left to the {@link ModelledMerkleReplicas model}.
 */
public final class MerkleKeySpace {

    /** Length of every generated key, also used by the model. */
    public static final int KEY_BYTES = 14;

    private final MerkleTreeShape shape;
    private final int keyCount;
    private final int[] leafStart;
    private final int[] keysByLeaf;

    public MerkleKeySpace(MerkleTreeShape shape, int keyCount) {
        this.shape = shape;
        this.keyCount = keyCount;
        Partitioner partitioner = new Partitioner(shape.partitions());
        int leaves = shape.partitions() * shape.leavesPerPartition();
        int[] globalLeaf = new int[keyCount];
        this.leafStart = new int[leaves + 1];
        for (int key = 0; key < keyCount; key++) {
            long token = partitioner.token(keyBytes(key));
            globalLeaf[key] = partitioner.partitionOf(token) * shape.leavesPerPartition() + shape.leafOf(token);
            leafStart[globalLeaf[key] + 1]++;
        }
        for (int leaf = 0; leaf < leaves; leaf++) {
            leafStart[leaf + 1] += leafStart[leaf];
        }
        this.keysByLeaf = new int[keyCount];
        int[] next = leafStart.clone();
        for (int key = 0; key < keyCount; key++) {
            keysByLeaf[next[globalLeaf[key]]++] = key;
        }
    }

    public static byte[] keyBytes(int key) {
        return String.format("key-%010d", key).getBytes(StandardCharsets.US_ASCII);
    }

    public MerkleTreeShape shape() {
        return shape;
    }

    public int keyCount() {
        return keyCount;
    }

    /** First position in {@link #keyAt} of the keys under a global leaf ({@code partition × L + leaf}). */
    int leafStart(int globalLeaf) {
        return leafStart[globalLeaf];
    }

    int leafEnd(int globalLeaf) {
        return leafStart[globalLeaf + 1];
    }

    int keyAt(int position) {
        return keysByLeaf[position];
    }
}
