package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * One stored key of a streamed partition.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param key the key (at most {@code maxKeyBytes})
 * @param token the key's Murmur3 token, so the replica need not rehash it
 * @param siblingSet the sibling set as {@code SiblingSetCodec} bytes, stored and hashed as they are
 */
public record StreamEntry(byte[] key, long token, byte[] siblingSet) {

    public StreamEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(siblingSet, "siblingSet");
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof StreamEntry other
                && Arrays.equals(key, other.key)
                && token == other.token
                && Arrays.equals(siblingSet, other.siblingSet);
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Long.hashCode(token);
        hash = 31 * hash + Arrays.hashCode(siblingSet);
        return hash;
    }

    @Override
    public String toString() {
        return "StreamEntry["
                + "key=" + Fields.describe(key)
                + ", token=" + token
                + ", siblingSet=" + Fields.describe(siblingSet)
                + "]";
    }
}
