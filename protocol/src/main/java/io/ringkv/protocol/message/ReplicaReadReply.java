package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * A replica's stored sibling set for a {@link ReplicaReadRequest}.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param siblingSet the stored sibling set as {@code SiblingSetCodec} bytes; empty when the key is absent
 */
public record ReplicaReadReply(byte[] siblingSet) implements Message {

    public ReplicaReadReply {
        Objects.requireNonNull(siblingSet, "siblingSet");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.REPLICA_READ_REPLY;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof ReplicaReadReply other && Arrays.equals(siblingSet, other.siblingSet);
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(siblingSet);
        return hash;
    }

    @Override
    public String toString() {
        return "ReplicaReadReply[" + "siblingSet=" + Fields.describe(siblingSet) + "]";
    }
}
