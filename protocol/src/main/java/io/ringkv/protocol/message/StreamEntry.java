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
 * @param value the stored bytes, passed on as they are: the sibling set as {@code SiblingSetCodec} bytes, or in
 *     a chunk of registers the encoded LINEARIZABLE register
 */
public record StreamEntry(byte[] key, long token, byte[] value) {

    public StreamEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof StreamEntry other
                && Arrays.equals(key, other.key)
                && token == other.token
                && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Long.hashCode(token);
        hash = 31 * hash + Arrays.hashCode(value);
        return hash;
    }

    @Override
    public String toString() {
        return "StreamEntry["
                + "key=" + Fields.describe(key)
                + ", token=" + token
                + ", value=" + Fields.describe(value)
                + "]";
    }
}
