package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Coordinator asks a replica to merge a sibling set into what it stores for a key.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param key the key (at most {@code maxKeyBytes})
 * @param partition the key's partition index
 * @param token the key's Murmur3 token, so the replica need not rehash it
 * @param siblingSet the sibling set as {@code SiblingSetCodec} bytes, stored and hashed as they are
 */
public record ReplicaWriteRequest(byte[] key, int partition, long token, byte[] siblingSet) implements Message {

    public ReplicaWriteRequest {
        Objects.requireNonNull(key, "key");
        Fields.requireNonNegative("partition", partition);
        Objects.requireNonNull(siblingSet, "siblingSet");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.REPLICA_WRITE_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof ReplicaWriteRequest other
                && Arrays.equals(key, other.key)
                && partition == other.partition
                && token == other.token
                && Arrays.equals(siblingSet, other.siblingSet);
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Integer.hashCode(partition);
        hash = 31 * hash + Long.hashCode(token);
        hash = 31 * hash + Arrays.hashCode(siblingSet);
        return hash;
    }

    @Override
    public String toString() {
        return "ReplicaWriteRequest["
                + "key=" + Fields.describe(key)
                + ", partition=" + partition
                + ", token=" + token
                + ", siblingSet=" + Fields.describe(siblingSet)
                + "]";
    }
}
