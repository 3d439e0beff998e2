package io.ringkv.server.antientropy;

import io.ringkv.ring.Partitioner;

/**
 * The fixed layout every replica's Merkle trees share: how a partition's token range is cut into leaves
 * and how tree nodes are numbered. Two replicas can only compare trees of the same shape, so the leaf
 * count is a cluster-wide setting.
 *
 * <p><b>Numbering.</b> Tree nodes are numbered in heap order starting at 1: the root is 1, the children
 * of node {@code i} are {@code 2i} and {@code 2i + 1}, so the nodes at depth {@code d} are
 * {@code [2^d, 2^(d+1))} and leaf {@code l} (counted from 0) is node {@code leafCount + l}.
 *
 * <p><b>Leaves.</b> Leaf {@code l} of partition {@code p} holds the keys whose token lies in the
 * {@code l}-th of {@code leafCount} equal slices of the partition's token range: the bits of the token
 * right below the partition bits. A leaf is therefore a contiguous run of the partition's storage keys.
 *
 * @param partitionCount Q, the ring's partition count (a power of two)
 * @param leafCount leaves per partition tree, a power of two between 1 and 2^16
 */
public record MerkleTreeShape(int partitionCount, int leafCount) {

    /** Leaves per partition when the configuration does not say otherwise. */
    public static final int DEFAULT_LEAF_COUNT = 64;

    /** The most leaves per tree: 2^16 leaves cost 1 MiB of hashes per partition. */
    public static final int MAX_LEAF_COUNT = 1 << 16;

    public MerkleTreeShape {
        Partitioner.checkPartitionCount(partitionCount);
        if (leafCount < 1 || leafCount > MAX_LEAF_COUNT || Integer.bitCount(leafCount) != 1) {
            throw new IllegalArgumentException(
                    "leaf count must be a power of two between 1 and " + MAX_LEAF_COUNT + ", was " + leafCount);
        }
    }

    /** The depth of the leaves; the root is at depth 0. */
    public int leafDepth() {
        return Integer.numberOfTrailingZeros(leafCount);
    }

    /** The leaf (0-based) of a token inside its partition. */
    public int leafOf(long token) {
        int leafDepth = leafDepth();
        if (leafDepth == 0) {
            return 0;
        }
        long offsetInRing = token ^ Long.MIN_VALUE;
        long offsetInPartition = offsetInRing << partitionBits();
        return (int) (offsetInPartition >>> (Long.SIZE - leafDepth));
    }

    /** The smallest token of leaf {@code leaf} of {@code partition}. */
    public long firstTokenOf(int partition, int leaf) {
        long partitionStart = ((long) partition) << (Long.SIZE - partitionBits());
        long leafOffset = leafDepth() == 0 ? 0 : ((long) leaf) << (Long.SIZE - partitionBits() - leafDepth());
        return (partitionStart | leafOffset) ^ Long.MIN_VALUE;
    }

    /** The heap index of the first node at {@code depth}. */
    public static int firstIndexAt(int depth) {
        return 1 << depth;
    }

    /** Whether {@code index} names a node at {@code depth}. */
    public boolean isNodeAt(int depth, int index) {
        return depth >= 0 && depth <= leafDepth() && index >= (1 << depth) && index < (2 << depth);
    }

    private int partitionBits() {
        return Integer.numberOfTrailingZeros(partitionCount);
    }
}
