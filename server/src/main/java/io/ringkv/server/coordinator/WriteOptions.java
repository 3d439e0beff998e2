package io.ringkv.server.coordinator;

import io.ringkv.protocol.Consistency;
import java.util.Objects;

/**
 * Per-request write settings.
 *
 * @param writeQuorum acknowledgements to wait for (W); 0 means the node's default
 * @param timeoutMillis the whole request's budget; 0 means the node's default
 * @param forwarded set when another node forwarded the request here; such a request is never
 *     forwarded again (ring views may briefly disagree, and a loop must not form)
 */
public record WriteOptions(int writeQuorum, Consistency consistency, long timeoutMillis, boolean forwarded) {

    public static final WriteOptions DEFAULT = new WriteOptions(0, Consistency.DEFAULT, 0, false);

    public WriteOptions {
        Objects.requireNonNull(consistency, "consistency");
        if (writeQuorum < 0 || timeoutMillis < 0) {
            throw new IllegalArgumentException("W and timeout must not be negative");
        }
    }

    public WriteOptions(int writeQuorum, Consistency consistency, long timeoutMillis) {
        this(writeQuorum, consistency, timeoutMillis, false);
    }

    public WriteOptions asForwarded() {
        return new WriteOptions(writeQuorum, consistency, timeoutMillis, true);
    }
}
