package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/**
 * The coordinating node failed for a reason of its own: {@code STORAGE_ERROR}, {@code INTERNAL}, or a
 * code this client version does not know. Check {@link #definitelyNotApplied()} before retrying a write.
 */
public final class ServerErrorException extends RingKvException {

    private static final long serialVersionUID = 1L;

    public ServerErrorException(String message, boolean definitelyNotApplied, ErrorCode errorCode, String nodeId) {
        super(message, null, definitelyNotApplied, errorCode, nodeId);
    }
}
