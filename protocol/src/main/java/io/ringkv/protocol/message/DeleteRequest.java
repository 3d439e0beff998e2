package io.ringkv.protocol.message;

import io.ringkv.protocol.Consistency;
import java.util.Arrays;
import java.util.Objects;

/**
 * Client delete of one key: writes a tombstone that supersedes what {@code context} covers.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param key the key (at most {@code maxKeyBytes})
 * @param context opaque causal context from a previous read; empty for a blind delete
 * @param w write quorum; 0 means the node default
 * @param consistency requested consistency mode
 * @param timeoutMillis request timeout; 0 means the node default
 */
public record DeleteRequest(byte[] key, byte[] context, int w, Consistency consistency, long timeoutMillis)
        implements Message {

    public DeleteRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(context, "context");
        Fields.requireUnsignedByte("w", w);
        Objects.requireNonNull(consistency, "consistency");
        Fields.requireUnsignedInt("timeoutMillis", timeoutMillis);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.DELETE_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof DeleteRequest other
                && Arrays.equals(key, other.key)
                && Arrays.equals(context, other.context)
                && w == other.w
                && consistency == other.consistency
                && timeoutMillis == other.timeoutMillis;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Arrays.hashCode(context);
        hash = 31 * hash + Integer.hashCode(w);
        hash = 31 * hash + consistency.hashCode();
        hash = 31 * hash + Long.hashCode(timeoutMillis);
        return hash;
    }

    @Override
    public String toString() {
        return "DeleteRequest["
                + "key=" + Fields.describe(key)
                + ", context=" + Fields.describe(context)
                + ", w=" + w
                + ", consistency=" + consistency
                + ", timeoutMillis=" + timeoutMillis
                + "]";
    }
}
