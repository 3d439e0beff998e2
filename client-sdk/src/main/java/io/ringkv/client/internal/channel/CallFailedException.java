package io.ringkv.client.internal.channel;

import java.util.Objects;

/**
 * How a {@link PendingCall}'s future fails. Internal only: the request layer turns it into the public
 * exception that fits the operation. Carries no stack trace, since it describes an expected event on a
 * hot path, not a bug.
 */
public final class CallFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CallFailure failure;
    private final boolean mayHaveReachedServer;

    public CallFailedException(CallFailure failure, boolean mayHaveReachedServer, String message, Throwable cause) {
        super(message, cause, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    public CallFailure failure() {
        return failure;
    }

    /** True when the request's frame may have reached the node, so a write may have been applied. */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
