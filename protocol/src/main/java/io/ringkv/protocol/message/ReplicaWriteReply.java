package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Acknowledges a {@link ReplicaWriteRequest}, {@link HintedWriteRequest} or {@link HintReplayRequest}.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param siblingSet the replica's merged result as {@code SiblingSetCodec} bytes, or empty when not returned
 */
public record ReplicaWriteReply(byte[] siblingSet) implements Message {

    public ReplicaWriteReply {
        Objects.requireNonNull(siblingSet, "siblingSet");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.REPLICA_WRITE_REPLY;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof ReplicaWriteReply other && Arrays.equals(siblingSet, other.siblingSet);
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(siblingSet);
        return hash;
    }

    @Override
    public String toString() {
        return "ReplicaWriteReply[" + "siblingSet=" + Fields.describe(siblingSet) + "]";
    }
}
