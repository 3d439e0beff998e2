package io.ringkv.server.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * What a read that must not block found ({@link StorageEngine#lookupInMemory}): the stored value, its
 * absence, or that answering would mean waiting for disk I/O or a lock, so the read belongs on a thread
 * that may block.
 *
 * @param needsIo true when the lookup could not answer without blocking
 * @param value the stored value; {@code null} when absent or when {@code needsIo}
 */
public record MemoryLookup(boolean needsIo, byte[] value) {

    /** The lookup would have had to block. */
    public static final MemoryLookup NEEDS_IO = new MemoryLookup(true, null);

    /** The key is certainly not stored. */
    public static final MemoryLookup ABSENT = new MemoryLookup(false, null);

    public MemoryLookup {
        if (needsIo && value != null) {
            throw new IllegalArgumentException("a lookup that needs I/O has no value");
        }
    }

    public static MemoryLookup found(byte[] value) {
        return new MemoryLookup(false, Objects.requireNonNull(value, "value"));
    }

    /** The answer, absent when the key is not stored. */
    public Optional<byte[]> stored() {
        if (needsIo) {
            throw new IllegalStateException("this lookup could not answer without I/O");
        }
        return Optional.ofNullable(value);
    }
}
