package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sloppy-quorum write to a stand-in node, which stores it and a hint to hand it to {@code intendedOwner} later.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param intendedOwner id of the preference-list node this write was meant for
 * @param key the key (at most {@code maxKeyBytes})
 * @param partition the key's partition index
 * @param token the key's Murmur3 token, so the replica need not rehash it
 * @param siblingSet the sibling set as {@code SiblingSetCodec} bytes, stored and hashed as they are
 */
public record HintedWriteRequest(String intendedOwner, byte[] key, int partition, long token, byte[] siblingSet)
        implements Message {

    public HintedWriteRequest {
        Objects.requireNonNull(intendedOwner, "intendedOwner");
        Objects.requireNonNull(key, "key");
        Fields.requireNonNegative("partition", partition);
        Objects.requireNonNull(siblingSet, "siblingSet");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.HINTED_WRITE_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof HintedWriteRequest other
                && intendedOwner.equals(other.intendedOwner)
                && Arrays.equals(key, other.key)
                && partition == other.partition
                && token == other.token
                && Arrays.equals(siblingSet, other.siblingSet);
    }

    @Override
    public int hashCode() {
        int hash = intendedOwner.hashCode();
        hash = 31 * hash + Arrays.hashCode(key);
        hash = 31 * hash + Integer.hashCode(partition);
        hash = 31 * hash + Long.hashCode(token);
        hash = 31 * hash + Arrays.hashCode(siblingSet);
        return hash;
    }

    @Override
    public String toString() {
        return "HintedWriteRequest["
                + "intendedOwner=" + intendedOwner
                + ", key=" + Fields.describe(key)
                + ", partition=" + partition
                + ", token=" + token
                + ", siblingSet=" + Fields.describe(siblingSet)
                + "]";
    }
}
