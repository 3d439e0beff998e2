package io.ringkv.server.coordinator;

import io.ringkv.protocol.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * A client request that could not be answered as asked.
 *
 * <p>{@link #definite()} tells the caller whether the operation definitely did not take effect (it
 * was rejected before any replica stored it) or may have (it was sent to replicas but too few
 * acknowledged in time). A history checker records the first as {@code :fail} and the second as
 * {@code :info}; conflating them makes the checker unsound.
 */
public final class RequestFailedException extends RuntimeException {

    private final ErrorCode code;
    private final boolean definite;
    private final int acksReceived;
    private final int acksRequired;
    private final List<ReplicaFailure> replicaFailures;

    public RequestFailedException(
            ErrorCode code,
            String message,
            boolean definite,
            int acksReceived,
            int acksRequired,
            List<ReplicaFailure> replicaFailures) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.definite = definite;
        this.acksReceived = acksReceived;
        this.acksRequired = acksRequired;
        this.replicaFailures = List.copyOf(replicaFailures);
    }

    /** A request rejected before anything was sent to a replica. */
    public static RequestFailedException rejected(ErrorCode code, String message) {
        return new RequestFailedException(code, message, true, 0, 0, List.of());
    }

    public ErrorCode code() {
        return code;
    }

    public boolean definite() {
        return definite;
    }

    public int acksReceived() {
        return acksReceived;
    }

    public int acksRequired() {
        return acksRequired;
    }

    public List<ReplicaFailure> replicaFailures() {
        return replicaFailures;
    }
}
