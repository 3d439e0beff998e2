package io.ringkv.server.coordinator;

import io.ringkv.protocol.Consistency;
import java.util.Objects;

/**
 * Per-request read settings.
 *
 * @param readQuorum replies to wait for (R); 0 means the node's default
 * @param timeoutMillis the whole request's budget; 0 means the node's default
 * @param forwarded set when another node forwarded the request here; such a request is never
 *     forwarded again (ring views may briefly disagree, and a loop must not form)
 */
public record ReadOptions(int readQuorum, Consistency consistency, long timeoutMillis, boolean forwarded) {

    public static final ReadOptions DEFAULT = new ReadOptions(0, Consistency.DEFAULT, 0, false);

    public ReadOptions {
        Objects.requireNonNull(consistency, "consistency");
        if (readQuorum < 0 || timeoutMillis < 0) {
            throw new IllegalArgumentException("R and timeout must not be negative");
        }
    }

    public ReadOptions(int readQuorum, Consistency consistency, long timeoutMillis) {
        this(readQuorum, consistency, timeoutMillis, false);
    }

    public ReadOptions asForwarded() {
        return new ReadOptions(readQuorum, consistency, timeoutMillis, true);
    }
}
