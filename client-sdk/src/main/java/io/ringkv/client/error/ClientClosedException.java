package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/**
 * The client was closed: the operation was started after {@code close()}, or was still pending when
 * {@code close()} ran. A pending write that had already been sent has an unknown outcome
 * ({@link #definitelyNotApplied()} false).
 */
public final class ClientClosedException extends RingKvException {

    private static final long serialVersionUID = 1L;

    public ClientClosedException(String message, boolean definitelyNotApplied) {
        super(message, null, definitelyNotApplied, ErrorCode.NONE, null);
    }
}
