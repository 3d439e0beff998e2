package io.ringkv.protocol.message;

import io.ringkv.protocol.Consistency;
import java.util.Arrays;
import java.util.Objects;

/**
 * Client read of one key.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param key the key (at most {@code maxKeyBytes})
 * @param r read quorum; 0 means the node default
 * @param consistency requested consistency mode
 * @param timeoutMillis request timeout; 0 means the node default
 */
public record GetRequest(byte[] key, int r, Consistency consistency, long timeoutMillis) implements Message {

    public GetRequest {
        Objects.requireNonNull(key, "key");
        Fields.requireUnsignedByte("r", r);
        Objects.requireNonNull(consistency, "consistency");
        Fields.requireUnsignedInt("timeoutMillis", timeoutMillis);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.GET_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof GetRequest other
                && Arrays.equals(key, other.key)
                && r == other.r
                && consistency == other.consistency
                && timeoutMillis == other.timeoutMillis;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Integer.hashCode(r);
        hash = 31 * hash + consistency.hashCode();
        hash = 31 * hash + Long.hashCode(timeoutMillis);
        return hash;
    }

    @Override
    public String toString() {
        return "GetRequest["
                + "key=" + Fields.describe(key)
                + ", r=" + r
                + ", consistency=" + consistency
                + ", timeoutMillis=" + timeoutMillis
                + "]";
    }
}
