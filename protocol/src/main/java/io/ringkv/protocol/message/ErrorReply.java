package io.ringkv.protocol.message;

import io.ringkv.protocol.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * Failure reply to any request.
 *
 * <p>{@code definite} tells the two kinds of failure apart: true means the operation definitely did not
 * take effect (safe to retry anywhere), false means the outcome is unknown (it may have been applied on
 * some replicas and may surface later).
 *
 * @param code why the request failed
 * @param message human-readable detail
 * @param definite true when the operation definitely did not take effect
 * @param acksReceived replica acknowledgements received before failing (quorum failures)
 * @param acksRequired acknowledgements the quorum needed
 * @param replicaErrors the error each failed replica reported
 */
public record ErrorReply(
        ErrorCode code,
        String message,
        boolean definite,
        int acksReceived,
        int acksRequired,
        List<ReplicaError> replicaErrors)
        implements Message {

    /** An error with no quorum detail: no acknowledgements counted and no replica errors. */
    public static ErrorReply of(ErrorCode code, String message, boolean definite) {
        return new ErrorReply(code, message, definite, 0, 0, List.of());
    }

    public ErrorReply {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Fields.requireUnsignedByte("acksReceived", acksReceived);
        Fields.requireUnsignedByte("acksRequired", acksRequired);
        replicaErrors = List.copyOf(replicaErrors);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.ERROR_REPLY;
    }
}
