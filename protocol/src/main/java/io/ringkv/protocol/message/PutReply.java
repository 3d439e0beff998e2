package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Successful {@link PutRequest}.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param context opaque context covering the new write
 * @param coordinator id of the node that coordinated the request
 */
public record PutReply(byte[] context, String coordinator) implements Message {

    public PutReply {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.PUT_REPLY;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof PutReply other
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
        return "PutReply[" + "context=" + Fields.describe(context) + ", coordinator=" + coordinator + "]";
    }
}
