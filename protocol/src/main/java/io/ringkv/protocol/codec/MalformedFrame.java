package io.ringkv.protocol.codec;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import java.util.Objects;

/**
 * Emitted by {@link FrameDecoder} in place of an {@link io.ringkv.protocol.message.Envelope} when a frame
 * cannot be decoded, so the connection handler can answer it with an {@code ErrorReply} carrying the
 * same request id and code instead of the pipeline failing.
 *
 * <p>When {@link #mustCloseConnection()} is true ({@link ErrorCode#FRAME_TOO_LARGE}) the handler must
 * close the channel after sending its reply: the length field cannot be trusted, so the byte stream cannot
 * be resynchronised, and the decoder discards everything that follows. For every other code the decoder
 * has consumed exactly that frame and goes on with the next one.
 *
 * @param requestId the id from the envelope when it could be read, else 0
 * @param code      why the frame was refused
 * @param message   human-readable detail for the error reply and logs
 */
public record MalformedFrame(long requestId, ErrorCode code, String message) {

    public MalformedFrame {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static MalformedFrame of(ProtocolException exception) {
        String message = exception.getMessage();
        return new MalformedFrame(exception.requestId(), exception.code(), message == null ? "" : message);
    }

    /** True when the connection cannot continue and must be closed after the error reply. */
    public boolean mustCloseConnection() {
        return code == ErrorCode.FRAME_TOO_LARGE;
    }
}
