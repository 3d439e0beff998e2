package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;

/**
 * The request itself is wrong and retrying it unchanged will fail again. {@link #errorCode()} says why;
 * the common cases have their own subclasses ({@link KeyTooLargeException},
 * {@link ValueTooLargeException}, {@link TooManySiblingsException}, {@link InvalidContextException}).
 * Other codes reported this way: {@code BAD_REQUEST}, {@code MALFORMED_FRAME}, {@code FRAME_TOO_LARGE},
 * {@code UNSUPPORTED_MESSAGE}, {@code UNSUPPORTED_VERSION} (client and server speak different protocol
 * versions) and {@code LIST_TOO_LARGE}.
 *
 * <p>A rejected request was refused before any replica stored it, so {@link #definitelyNotApplied()}
 * is true unless the server said otherwise.
 */
public class BadRequestException extends RingKvException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message, boolean definitelyNotApplied, ErrorCode errorCode, String nodeId) {
        super(message, null, definitelyNotApplied, errorCode, nodeId);
    }
}
