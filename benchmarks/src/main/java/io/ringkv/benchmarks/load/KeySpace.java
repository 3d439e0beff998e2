package io.ringkv.benchmarks.load;

import java.nio.charset.StandardCharsets;

/**
 * The benchmark's keys: {@code user} followed by the zero-padded index (YCSB's naming), 14 bytes each.
 * Keys are built per operation: a preallocated table of 100,000 keys would cost more memory than the
 * few nanoseconds of formatting it saves.
 */
public record KeySpace(long keyCount) {

    public KeySpace {
        if (keyCount < 1 || keyCount > 10_000_000_000L) {
            throw new IllegalArgumentException("key count must be within 1..10^10, was " + keyCount);
        }
    }

    /** The key of index {@code index}. */
    public byte[] key(long index) {
        if (index < 0 || index >= keyCount) {
            throw new IndexOutOfBoundsException("key index " + index + " outside 0.." + (keyCount - 1));
        }
        return String.format("user%010d", index).getBytes(StandardCharsets.US_ASCII);
    }
}
