package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Coordinator asks a replica for its stored sibling set of a key.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param key the key (at most {@code maxKeyBytes})
 * @param partition the key's partition index
 * @param token the key's Murmur3 token, so the replica need not rehash it
 */
public record ReplicaReadRequest(byte[] key, int partition, long token) implements Message {

    public ReplicaReadRequest {
        Objects.requireNonNull(key, "key");
        Fields.requireNonNegative("partition", partition);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.REPLICA_READ_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof ReplicaReadRequest other
                && Arrays.equals(key, other.key)
                && partition == other.partition
                && token == other.token;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Integer.hashCode(partition);
        hash = 31 * hash + Long.hashCode(token);
        return hash;
    }

    @Override
    public String toString() {
        return "ReplicaReadRequest["
                + "key=" + Fields.describe(key)
                + ", partition=" + partition
                + ", token=" + token
                + "]";
    }
}
