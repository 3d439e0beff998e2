package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * One stored key and the hash of its sibling set.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param key the key (at most {@code maxKeyBytes})
 * @param hash hash of the key's sibling set bytes
 */
public record KeyHash(byte[] key, long hash) {

    public KeyHash {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof KeyHash other && Arrays.equals(key, other.key) && hash == other.hash;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Long.hashCode(hash);
        return hash;
    }

    @Override
    public String toString() {
        return "KeyHash[" + "key=" + Fields.describe(key) + ", hash=" + hash + "]";
    }
}
