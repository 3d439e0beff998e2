package io.ringkv.protocol;

import java.util.Objects;

/**
 * A frame or message that cannot be accepted: malformed bytes, an unknown message type, or a limit
 * exceeded. Thrown by the message decoder and encoder; the frame decoder turns it into a
 * {@code MalformedFrame} so the connection handler can answer with an {@code ErrorReply} carrying
 * {@link #code()} and {@link #requestId()}.
 *
 * <p>{@link #requestId()} is the id read from the envelope when the decoder got that far, else 0.
 */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long requestId;

    public ProtocolException(ErrorCode code, long requestId, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.requestId = requestId;
    }

    public ProtocolException(ErrorCode code, long requestId, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.requestId = requestId;
    }

    /** The error code to report to the peer. */
    public ErrorCode code() {
        return code;
    }

    /** The request id of the offending envelope, or 0 when it could not be read. */
    public long requestId() {
        return requestId;
    }
}
