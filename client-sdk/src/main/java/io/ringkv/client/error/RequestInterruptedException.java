package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/**
 * A thread waiting in the blocking API was interrupted. The operation itself goes on in the background
 * and may still take effect, so its outcome is unknown. The thread's interrupt flag is set again.
 */
public final class RequestInterruptedException extends RingKvException {

    private static final long serialVersionUID = 1L;

    public RequestInterruptedException(InterruptedException cause) {
        super("interrupted while waiting for the operation", cause, false, ErrorCode.NONE, null);
    }
}
