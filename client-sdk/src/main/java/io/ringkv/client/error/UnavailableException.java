package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;
import java.util.Objects;

/**
 * Not enough replicas could take part: the coordinating node answered {@code UNAVAILABLE}, or every
 * replica the client tried was not a replica any more ({@code NOT_REPLICA}) or shutting down
 * ({@code SHUTTING_DOWN}). Typical in {@link io.ringkv.client.Consistency#STRICT} or
 * {@link io.ringkv.client.Consistency#LINEARIZABLE} mode during failures. Check
 * {@link #definitelyNotApplied()}: a write can fail this way after some replicas stored it.
 */
public final class UnavailableException extends RingKvException {

    private static final long serialVersionUID = 1L;

    private final transient QuorumDetail quorum;

    public UnavailableException(
            String message, boolean definitelyNotApplied, ErrorCode errorCode, String nodeId, QuorumDetail quorum) {
        super(message, null, definitelyNotApplied, errorCode, nodeId);
        this.quorum = Objects.requireNonNull(quorum, "quorum");
    }

    public QuorumDetail quorum() {
        return quorum;
    }

    public int acksReceived() {
        return quorum.acksReceived();
    }

    public int acksRequired() {
        return quorum.acksRequired();
    }
}
