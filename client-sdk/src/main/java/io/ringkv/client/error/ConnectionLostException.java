package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/**
 * The connection to the coordinating node broke after a write was sent on it and before its answer
 * arrived. The node may have applied the write, so the outcome is unknown
 * ({@link #definitelyNotApplied()} false) and the SDK does not retry it on another node by itself.
 * Reads never end this way: they move on to the next replica.
 */
public final class ConnectionLostException extends RingKvException {

    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message, Throwable cause, boolean definitelyNotApplied, String nodeId) {
        super(message, cause, definitelyNotApplied, ErrorCode.NONE, nodeId);
    }
}
