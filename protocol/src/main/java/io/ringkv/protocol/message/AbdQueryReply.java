package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * A replica's register state for an {@link AbdQueryRequest}.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param tag the stored tag ({@link AbdTag#ZERO} when absent)
 * @param value the stored value (at most {@code maxValueBytes})
 * @param present false when the replica holds nothing for the key
 */
public record AbdQueryReply(AbdTag tag, byte[] value, boolean present) implements Message {

    public AbdQueryReply {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.ABD_QUERY_REPLY;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof AbdQueryReply other
                && tag.equals(other.tag)
                && Arrays.equals(value, other.value)
                && present == other.present;
    }

    @Override
    public int hashCode() {
        int hash = tag.hashCode();
        hash = 31 * hash + Arrays.hashCode(value);
        hash = 31 * hash + Boolean.hashCode(present);
        return hash;
    }

    @Override
    public String toString() {
        return "AbdQueryReply[" + "tag=" + tag + ", value=" + Fields.describe(value) + ", present=" + present + "]";
    }
}
