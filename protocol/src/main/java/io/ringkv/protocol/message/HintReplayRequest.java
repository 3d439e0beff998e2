package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Hands a stored hint to the key's owner; the stand-in deletes the hint once acknowledged.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param fromNode id of the stand-in node replaying the hint
 * @param key the key (at most {@code maxKeyBytes})
 * @param partition the key's partition index
 * @param token the key's Murmur3 token, so the replica need not rehash it
 * @param siblingSet the sibling set as {@code SiblingSetCodec} bytes, stored and hashed as they are
 */
public record HintReplayRequest(String fromNode, byte[] key, int partition, long token, byte[] siblingSet)
        implements Message {

    public HintReplayRequest {
        Objects.requireNonNull(fromNode, "fromNode");
        Objects.requireNonNull(key, "key");
        Fields.requireNonNegative("partition", partition);
        Objects.requireNonNull(siblingSet, "siblingSet");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.HINT_REPLAY_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof HintReplayRequest other
                && fromNode.equals(other.fromNode)
                && Arrays.equals(key, other.key)
                && partition == other.partition
                && token == other.token
                && Arrays.equals(siblingSet, other.siblingSet);
    }

    @Override
    public int hashCode() {
        int hash = fromNode.hashCode();
        hash = 31 * hash + Arrays.hashCode(key);
        hash = 31 * hash + Integer.hashCode(partition);
        hash = 31 * hash + Long.hashCode(token);
        hash = 31 * hash + Arrays.hashCode(siblingSet);
        return hash;
    }

    @Override
    public String toString() {
        return "HintReplayRequest["
                + "fromNode=" + fromNode
                + ", key=" + Fields.describe(key)
                + ", partition=" + partition
                + ", token=" + token
                + ", siblingSet=" + Fields.describe(siblingSet)
                + "]";
    }
}
