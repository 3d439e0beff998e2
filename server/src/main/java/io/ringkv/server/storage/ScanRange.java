package io.ringkv.server.storage;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The encoded-key range a partition scan covers: from {@code startKey} (inclusive or not) up to
 * {@code endKeyExclusive}, in unsigned byte order. Engines use it to translate
 * {@link StorageEngine#scanPartition} and {@link StorageEngine#scanPartitionFrom} into their own range
 * reads, so all engines agree on the bounds.
 */
public record ScanRange(byte[] startKey, boolean startInclusive, byte[] endKeyExclusive) {

    public ScanRange {
        Objects.requireNonNull(startKey, "startKey");
        Objects.requireNonNull(endKeyExclusive, "endKeyExclusive");
    }

    /** Every key of {@code partition}. */
    public static ScanRange partition(int partition) {
        return new ScanRange(StorageKey.partitionPrefix(partition), true, partitionEnd(partition));
    }

    /**
     * The keys of {@code partition} strictly after {@code afterKey}, the encoded form
     * ({@link StorageKey#encode()}) of the last entry a previous scan returned.
     *
     * @throws IllegalArgumentException when {@code afterKey} is not an encoded key of {@code partition}
     */
    public static ScanRange partitionAfter(int partition, byte[] afterKey) {
        Objects.requireNonNull(afterKey, "afterKey");
        if (afterKey.length < StorageKey.HEADER_BYTES || StorageKey.partitionOf(afterKey) != partition) {
            throw new IllegalArgumentException("afterKey 0x" + UnsignedBytes.toHex(afterKey, 32)
                    + " is not an encoded storage key of partition " + partition);
        }
        return new ScanRange(afterKey.clone(), false, partitionEnd(partition));
    }

    /** Whether {@code encodedKey} lies inside this range. */
    public boolean contains(byte[] encodedKey) {
        int fromStart = UnsignedBytes.compare(encodedKey, startKey);
        return (fromStart > 0 || (fromStart == 0 && startInclusive))
                && UnsignedBytes.compare(encodedKey, endKeyExclusive) < 0;
    }

    /**
     * The first prefix after the partition's: {@code partition + 1} as 4 big-endian bytes. For
     * {@code Integer.MAX_VALUE} the int overflows to {@code 0x80000000}, which is still the right bound
     * in unsigned order.
     */
    private static byte[] partitionEnd(int partition) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(partition + 1).array();
    }
}
