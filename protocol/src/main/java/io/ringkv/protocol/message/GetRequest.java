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
 * @param forwarded set by a node that passed the request on because it is not a replica of the key;
 *     the receiver then answers NOT_REPLICA rather than forwarding again
 */
public record GetRequest(byte[] key, int r, Consistency consistency, long timeoutMillis, boolean forwarded)
        implements Message {

    public GetRequest {
        Objects.requireNonNull(key, "key");
        Fields.requireUnsignedByte("r", r);
        Objects.requireNonNull(consistency, "consistency");
        Fields.requireUnsignedInt("timeoutMillis", timeoutMillis);
    }

    /** A request as a client sends it: not forwarded. */
    public GetRequest(byte[] key, int r, Consistency consistency, long timeoutMillis) {
        this(key, r, consistency, timeoutMillis, false);
    }

    /** This request as passed on by a node that is not a replica of the key. */
    public GetRequest asForwarded() {
        return new GetRequest(key, r, consistency, timeoutMillis, true);
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
                && timeoutMillis == other.timeoutMillis
                && forwarded == other.forwarded;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(key);
        hash = 31 * hash + Integer.hashCode(r);
        hash = 31 * hash + consistency.hashCode();
        hash = 31 * hash + Long.hashCode(timeoutMillis);
        hash = 31 * hash + Boolean.hashCode(forwarded);
        return hash;
    }

    @Override
    public String toString() {
        return "GetRequest["
                + "key=" + Fields.describe(key)
                + ", r=" + r
                + ", consistency=" + consistency
                + ", timeoutMillis=" + timeoutMillis
                + ", forwarded=" + forwarded
                + "]";
    }
}
