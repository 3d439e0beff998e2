package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/** The key has more concurrent values than the server accepts. Read it, resolve the siblings and write the merged value back with the read's context. */
public final class TooManySiblingsException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    public TooManySiblingsException(String message, boolean definitelyNotApplied, String nodeId) {
        super(message, definitelyNotApplied, ErrorCode.TOO_MANY_SIBLINGS, nodeId);
    }
}
