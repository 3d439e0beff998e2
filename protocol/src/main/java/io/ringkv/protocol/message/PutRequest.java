package io.ringkv.protocol.message;

import io.ringkv.protocol.Consistency;
import java.util.Arrays;
import java.util.Objects;

/**
 * Client write of one key.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param key the key (at most {@code maxKeyBytes})
 * @param value the value (at most {@code maxValueBytes})
 * @param context opaque causal context from a previous read; empty for a blind write
 * @param w write quorum; 0 means the node default
 * @param consistency requested consistency mode
 * @param timeoutMillis request timeout; 0 means the node default
 * @param forwarded set by a node that passed the request on because it is not a replica of the key;
 *     the receiver then answers NOT_REPLICA rather than forwarding again
 */
public record PutRequest(
        byte[] key, byte[] value, byte[] context, int w, Consistency consistency, long timeoutMillis, boolean forwarded)
        implements Message {

    public PutRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(context, "context");
        Fields.requireUnsignedByte("w", w);
        Objects.requireNonNull(consistency, "consistency");
        Fields.requireUnsignedInt("timeoutMillis", timeoutMillis);
    }

    /** A request as a client sends it: not forwarded. */
    public PutRequest(byte[] key, byte[] value, byte[] context, int w, Consistency consistency, long timeoutMillis) {
        this(key, value, context, w, consistency, timeoutMillis, false);
    }

    /** This request as passed on by a node that is not a replica of the key. */
    public PutRequest asForwarded() {
        return new PutRequest(key, value, context, w, consistency, timeoutMillis, true);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.PUT_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof PutRequest other
                && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value)
                && Arrays.equals(context, other.context)
                && w == other.w
                && consistency == other.consistency
                && timeoutMillis == other.timeoutMillis
                && forwarded == other.forwarded;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Arrays.hashCode(value);
        hash = 31 * hash + Arrays.hashCode(context);
        hash = 31 * hash + Integer.hashCode(w);
        hash = 31 * hash + consistency.hashCode();
        hash = 31 * hash + Long.hashCode(timeoutMillis);
        hash = 31 * hash + Boolean.hashCode(forwarded);
        return hash;
    }

    @Override
    public String toString() {
        return "PutRequest["
                + "key=" + Fields.describe(key)
                + ", value=" + Fields.describe(value)
                + ", context=" + Fields.describe(context)
                + ", w=" + w
                + ", consistency=" + consistency
                + ", timeoutMillis=" + timeoutMillis
                + ", forwarded=" + forwarded
                + "]";
    }
}
