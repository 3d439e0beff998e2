package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;
import java.util.Map;

/**
 * No node could be reached: at start-up none of the seeds answered with a ring snapshot, or none of a
 * key's replicas accepted a connection. {@link #failures()} tells what happened with each node (or seed
 * address) tried. Nothing was sent, so {@link #definitelyNotApplied()} is true.
 */
public final class NoReachableNodeException extends RingKvException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> failures;

    public NoReachableNodeException(String message, Map<String, String> failures) {
        super(message + " " + failures, null, true, ErrorCode.NONE, null);
        this.failures = Map.copyOf(failures);
    }

    /** For each node id or seed address tried, why it failed. */
    public Map<String, String> failures() {
        return failures;
    }
}
