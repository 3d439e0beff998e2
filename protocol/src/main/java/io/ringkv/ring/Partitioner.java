package io.ringkv.ring;

import java.util.Objects;

/**
 * Maps keys to tokens and tokens to one of Q equal partitions of the 64-bit token ring.
 *
 * <p>The token of a key is the first word of its {@link Murmur3} x64_128 digest, a signed long. The
 * ring runs from {@link Long#MIN_VALUE} to {@link Long#MAX_VALUE}; partition {@code p} covers the tokens
 * {@code [MIN_VALUE + p * 2^64 / Q, MIN_VALUE + (p + 1) * 2^64 / Q)}, so it is the top {@code log2(Q)}
 * bits of {@code token - MIN_VALUE} read unsigned. Q is a power of two fixed when a cluster is created:
 * changing it would move every key. Keep Q at least ten times the largest node count planned.
 *
 * <p>Immutable and thread-safe; every method is a few arithmetic instructions (plus the hash).
 */
public final class Partitioner {

    /** The partition count used when a cluster does not choose one. */
    public static final int DEFAULT_PARTITION_COUNT = 4096;

    /** The smallest partition count allowed. */
    public static final int MIN_PARTITION_COUNT = 2;

    /** The largest partition count allowed (2^20), which keeps per-partition tables small. */
    public static final int MAX_PARTITION_COUNT = 1 << 20;

    private final int partitionCount;
    private final int shift;

    /** A partitioner with {@value #DEFAULT_PARTITION_COUNT} partitions. */
    public Partitioner() {
        this(DEFAULT_PARTITION_COUNT);
    }

    /**
     * @param partitionCount Q, a power of two between {@value #MIN_PARTITION_COUNT} and 2^20
     * @throws IllegalArgumentException if Q is out of range or not a power of two
     */
    public Partitioner(int partitionCount) {
        checkPartitionCount(partitionCount);
        this.partitionCount = partitionCount;
        this.shift = Long.SIZE - Integer.numberOfTrailingZeros(partitionCount);
    }

    /**
     * Validates a partition count without building a partitioner.
     *
     * @throws IllegalArgumentException if Q is out of range or not a power of two
     */
    public static void checkPartitionCount(int partitionCount) {
        if (partitionCount < MIN_PARTITION_COUNT
                || partitionCount > MAX_PARTITION_COUNT
                || Integer.bitCount(partitionCount) != 1) {
            throw new IllegalArgumentException("partition count must be a power of two between " + MIN_PARTITION_COUNT
                    + " and " + MAX_PARTITION_COUNT + ", was " + partitionCount);
        }
    }

    public int partitionCount() {
        return partitionCount;
    }

    /** The token of a key: the first word of its Murmur3 x64_128 digest with seed 0. */
    public long token(byte[] key) {
        return Murmur3.firstWord(key);
    }

    /** The token of the key stored in {@code key[offset, offset + length)}. */
    public long token(byte[] key, int offset, int length) {
        return Murmur3.firstWord(key, offset, length);
    }

    /** The partition whose token range contains {@code token}; never fails. */
    public int partitionOf(long token) {
        return (int) ((token ^ Long.MIN_VALUE) >>> shift);
    }

    /** The partition of a key, i.e. {@code partitionOf(token(key))}. */
    public int partitionForKey(byte[] key) {
        return partitionOf(token(key));
    }

    /** The first (smallest) token of {@code partition}; partition 0 starts at {@link Long#MIN_VALUE}. */
    public long startToken(int partition) {
        Objects.checkIndex(partition, partitionCount);
        return Long.MIN_VALUE + ((long) partition << shift);
    }

    /** The last token of {@code partition}, inclusive; the last partition ends at {@link Long#MAX_VALUE}. */
    public long endTokenInclusive(int partition) {
        Objects.checkIndex(partition, partitionCount);
        return Long.MIN_VALUE + ((long) partition << shift) + ((1L << shift) - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Partitioner that && that.partitionCount == partitionCount;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(partitionCount);
    }

    @Override
    public String toString() {
        return "Partitioner[Q=" + partitionCount + "]";
    }
}
