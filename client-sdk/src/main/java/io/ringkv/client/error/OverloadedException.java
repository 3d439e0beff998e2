package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/**
 * Too much load: every node the client tried answered {@code OVERLOADED}, or the client's own bound on
 * requests in flight per node was reached ({@link #clientSide()} true) and, depending on the configured
 * backpressure mode, the request was refused at once or waited too long for a slot. A request refused
 * by the client never left it, so it is {@link #definitelyNotApplied()}. Back off before retrying.
 */
public final class OverloadedException extends RingKvException {

    private static final long serialVersionUID = 1L;

    private final boolean clientSide;

    public OverloadedException(String message, boolean definitelyNotApplied, String nodeId, boolean clientSide) {
        super(message, null, definitelyNotApplied, clientSide ? ErrorCode.NONE : ErrorCode.OVERLOADED, nodeId);
        this.clientSide = clientSide;
    }

    /** True when the client's in-flight bound refused the request; false when a node shed it. */
    public boolean clientSide() {
        return clientSide;
    }
}
