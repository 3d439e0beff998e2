package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Successful {@link DeleteRequest}.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param context opaque context covering the tombstone
 * @param coordinator id of the node that coordinated the request
 */
public record DeleteReply(byte[] context, String coordinator) implements Message {

    public DeleteReply {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.DELETE_REPLY;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof DeleteReply other
                && Arrays.equals(context, other.context)
                && coordinator.equals(other.coordinator);
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(context);
        hash = 31 * hash + coordinator.hashCode();
        return hash;
    }

    @Override
    public String toString() {
        return "DeleteReply[" + "context=" + Fields.describe(context) + ", coordinator=" + coordinator + "]";
    }
}
