package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/** The key is longer than the limit (8 KiB by default); checked by the client before sending, and by the server. */
public final class KeyTooLargeException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    public KeyTooLargeException(String message, boolean definitelyNotApplied, String nodeId) {
        super(message, definitelyNotApplied, ErrorCode.KEY_TOO_LARGE, nodeId);
    }
}
