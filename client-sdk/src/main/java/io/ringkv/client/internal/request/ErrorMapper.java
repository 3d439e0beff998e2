package io.ringkv.client.internal.request;

import io.ringkv.client.error.BadRequestException;
import io.ringkv.client.error.InvalidContextException;
import io.ringkv.client.error.KeyTooLargeException;
import io.ringkv.client.error.OverloadedException;
import io.ringkv.client.error.QuorumDetail;
import io.ringkv.client.error.ReplicaFailure;
import io.ringkv.client.error.RequestTimeoutException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.error.ServerErrorException;
import io.ringkv.client.error.TooManySiblingsException;
import io.ringkv.client.error.UnavailableException;
import io.ringkv.client.error.ValueTooLargeException;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.ReplicaError;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a node's {@link ErrorReply} into the public exception for it. The node's {@code definite} flag
 * is kept, with two exceptions: a read never changes data, so a failed read is always definite; and
 * {@code NOT_REPLICA} and {@code SHUTTING_DOWN} are refusals before any work, so always definite.
 */
public final class ErrorMapper {

    private ErrorMapper() {}

    /** Whether a request that got this code may try the key's next replica (reads; definite writes). */
    public static boolean isFailoverCode(ErrorCode code) {
        switch (code) {
            case UNAVAILABLE:
            case NOT_REPLICA:
            case OVERLOADED:
            case SHUTTING_DOWN:
                return true;
            default:
                return false;
        }
    }

    public static RingKvException map(ErrorReply reply, String nodeId, RequestKind kind) {
        ErrorCode code = reply.code();
        boolean definite = kind == RequestKind.READ
                || reply.definite()
                || code == ErrorCode.NOT_REPLICA
                || code == ErrorCode.SHUTTING_DOWN;
        String message = nodeId + " answered " + code + ": " + reply.message();
        switch (code) {
            case KEY_TOO_LARGE:
                return new KeyTooLargeException(message, definite, nodeId);
            case VALUE_TOO_LARGE:
                return new ValueTooLargeException(message, definite, nodeId);
            case TOO_MANY_SIBLINGS:
                return new TooManySiblingsException(message, definite, nodeId);
            case INVALID_CONTEXT:
                return new InvalidContextException(message, definite, nodeId);
            case BAD_REQUEST:
            case MALFORMED_FRAME:
            case FRAME_TOO_LARGE:
            case UNSUPPORTED_MESSAGE:
            case UNSUPPORTED_VERSION:
            case LIST_TOO_LARGE:
                return new BadRequestException(message, definite, code, nodeId);
            case UNAVAILABLE:
            case NOT_REPLICA:
            case SHUTTING_DOWN:
                return new UnavailableException(message, definite, code, nodeId, quorum(reply));
            case TIMEOUT:
                return new RequestTimeoutException(message, definite, code, nodeId, quorum(reply), false);
            case OVERLOADED:
                return new OverloadedException(message, definite, nodeId, false);
            default:
                // STORAGE_ERROR, INTERNAL, and NONE (which a correct node never sends).
                return new ServerErrorException(message, definite, code, nodeId);
        }
    }

    private static QuorumDetail quorum(ErrorReply reply) {
        List<ReplicaFailure> failures = new ArrayList<>(reply.replicaErrors().size());
        for (ReplicaError error : reply.replicaErrors()) {
            failures.add(new ReplicaFailure(error.nodeId(), error.code(), error.message()));
        }
        return new QuorumDetail(reply.acksReceived(), reply.acksRequired(), failures);
    }
}
