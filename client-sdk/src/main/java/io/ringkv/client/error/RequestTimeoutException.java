package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;
import java.util.Objects;

/**
 * The operation ran out of time: either the coordinating node did not reach its quorum in time
 * ({@link #errorCode()} {@code TIMEOUT}, with {@link #acksReceived()} of {@link #acksRequired()}), or
 * no answer reached the client before its own deadline ({@link #clientSide()} true,
 * {@link #errorCode()} {@code NONE}).
 *
 * <p>A write that timed out after it was sent has an <em>unknown</em> outcome
 * ({@link #definitelyNotApplied()} false): replicas may have stored it. Read the key before retrying a
 * blind write.
 */
public final class RequestTimeoutException extends RingKvException {

    private static final long serialVersionUID = 1L;

    private final transient QuorumDetail quorum;
    private final boolean clientSide;

    public RequestTimeoutException(
            String message,
            boolean definitelyNotApplied,
            ErrorCode errorCode,
            String nodeId,
            QuorumDetail quorum,
            boolean clientSide) {
        super(message, null, definitelyNotApplied, errorCode, nodeId);
        this.quorum = Objects.requireNonNull(quorum, "quorum");
        this.clientSide = clientSide;
    }

    /** True when the client gave up waiting; false when the coordinating node reported the timeout. */
    public boolean clientSide() {
        return clientSide;
    }

    public QuorumDetail quorum() {
        return quorum;
    }

    /** Replicas that acknowledged before the timeout; 0 when the client timed out on its own. */
    public int acksReceived() {
        return quorum.acksReceived();
    }

    /** The quorum needed; 0 when the client timed out on its own and does not know it. */
    public int acksRequired() {
        return quorum.acksRequired();
    }
}
