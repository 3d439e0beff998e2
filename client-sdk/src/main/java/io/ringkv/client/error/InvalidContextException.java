package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/** The causal context sent with a write could not be decoded: it was corrupted, or not produced by a RingKV read. */
public final class InvalidContextException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    public InvalidContextException(String message, boolean definitelyNotApplied, String nodeId) {
        super(message, definitelyNotApplied, ErrorCode.INVALID_CONTEXT, nodeId);
    }
}
