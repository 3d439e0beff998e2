package io.ringkv.benchmarks.sim;

/**
 * The shape of the anti-entropy trees: one fixed-depth binary tree per partition, {@code leavesPerPartition}
 * leaves (a power of two), 64-bit hashes, nodes indexed in heap order (root 0, children of i at 2i+1 and
 * 2i+2, so the leaves are {@code leavesPerPartition - 1 .. 2 × leavesPerPartition - 2}). A key falls in the
 * leaf given by the high bits of its token within its partition, so a leaf is a contiguous key range.
 *
 * @param partitions Q
 * @param leavesPerPartition leaves of each tree, a power of two
 */
public record MerkleTreeShape(int partitions, int leavesPerPartition) {

    public MerkleTreeShape {
        if (Integer.bitCount(partitions) != 1 || Integer.bitCount(leavesPerPartition) != 1) {
            throw new IllegalArgumentException(
                    "partitions and leaves must be powers of two, were " + partitions + " and " + leavesPerPartition);
        }
    }

    /** Depth of the leaves (the root is depth 0). */
    public int leafDepth() {
        return Integer.numberOfTrailingZeros(leavesPerPartition);
    }

    /** Heap index of the first node at {@code depth}. */
    public static int firstIndexAt(int depth) {
        return (1 << depth) - 1;
    }

    /** The leaf a token falls in within its partition: the next high bits after the partition bits. */
    public int leafOf(long token) {
        long unsigned = token ^ Long.MIN_VALUE;
        int partitionBits = Integer.numberOfTrailingZeros(partitions);
        int depth = leafDepth();
        return depth == 0 ? 0 : (int) ((unsigned << partitionBits) >>> (64 - depth));
    }

    /** Tree nodes per partition. */
    public int nodesPerTree() {
        return 2 * leavesPerPartition - 1;
    }
}
