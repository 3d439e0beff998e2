package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/** The value (or, on the server, the key's total stored size) is larger than the limit. */
public final class ValueTooLargeException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    public ValueTooLargeException(String message, boolean definitelyNotApplied, String nodeId) {
        super(message, definitelyNotApplied, ErrorCode.VALUE_TOO_LARGE, nodeId);
    }
}
