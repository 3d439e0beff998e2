package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Linearizable register, phase 2: store {@code value} under {@code tag} if the tag is newer than the replica's.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param key the key (at most {@code maxKeyBytes})
 * @param partition the key's partition index
 * @param token the key's Murmur3 token, so the replica need not rehash it
 * @param tag the version tag of this write
 * @param value the value (at most {@code maxValueBytes})
 * @param tombstone true when the write deletes the register
 */
public record AbdWriteRequest(byte[] key, int partition, long token, AbdTag tag, byte[] value, boolean tombstone)
        implements Message {

    public AbdWriteRequest {
        Objects.requireNonNull(key, "key");
        Fields.requireNonNegative("partition", partition);
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.ABD_WRITE_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof AbdWriteRequest other
                && Arrays.equals(key, other.key)
                && partition == other.partition
                && token == other.token
                && tag.equals(other.tag)
                && Arrays.equals(value, other.value)
                && tombstone == other.tombstone;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Integer.hashCode(partition);
        hash = 31 * hash + Long.hashCode(token);
        hash = 31 * hash + tag.hashCode();
        hash = 31 * hash + Arrays.hashCode(value);
        hash = 31 * hash + Boolean.hashCode(tombstone);
        return hash;
    }

    @Override
    public String toString() {
        return "AbdWriteRequest["
                + "key=" + Fields.describe(key)
                + ", partition=" + partition
                + ", token=" + token
                + ", tag=" + tag
                + ", value=" + Fields.describe(value)
                + ", tombstone=" + tombstone
                + "]";
    }
}
