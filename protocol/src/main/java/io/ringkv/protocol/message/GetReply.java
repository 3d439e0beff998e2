package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Answer to a {@link GetRequest}: the live siblings and the context to send with the next write.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param found false when the key has no live value (absent or deleted)
 * @param siblings concurrent values, at most {@code maxSiblings}; one when there is no conflict
 * @param context opaque causal context (version vector bytes from {@code SiblingSetCodec}); empty for none
 * @param coordinator id of the node that coordinated the request
 */
public record GetReply(boolean found, List<ClientSibling> siblings, byte[] context, String coordinator)
        implements Message {

    public GetReply {
        siblings = List.copyOf(siblings);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.GET_REPLY;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof GetReply other
                && found == other.found
                && siblings.equals(other.siblings)
                && Arrays.equals(context, other.context)
                && coordinator.equals(other.coordinator);
    }

    @Override
    public int hashCode() {
        int hash = Boolean.hashCode(found);
        hash = 31 * hash + siblings.hashCode();
        hash = 31 * hash + Arrays.hashCode(context);
        hash = 31 * hash + coordinator.hashCode();
        return hash;
    }

    @Override
    public String toString() {
        return "GetReply["
                + "found=" + found
                + ", siblings=" + siblings
                + ", context=" + Fields.describe(context)
                + ", coordinator=" + coordinator
                + "]";
    }
}
