package io.ringkv.server.node;

import io.ringkv.causal.MalformedCausalDataException;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.ReplicaError;
import io.ringkv.server.coordinator.ReadResult;
import io.ringkv.server.coordinator.ReplicaFailure;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.coordinator.RequestFailedException;
import io.ringkv.server.coordinator.WriteResult;
import io.ringkv.server.membership.GossipRejectedException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps coordinator results and failures to the client reply messages and back (a forwarding node turns
 * the replier's messages into results again), so both directions live in one place.
 */
final class ClientReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ClientReplies.class);

    private ClientReplies() {}

    static GetReply getReply(ReadResult result) {
        return new GetReply(result.found(), result.siblings(), result.context(), result.coordinator());
    }

    static PutReply putReply(WriteResult result) {
        return new PutReply(result.context(), result.coordinator());
    }

    static DeleteReply deleteReply(WriteResult result) {
        return new DeleteReply(result.context(), result.coordinator());
    }

    /** The error reply for a failed client request; anything unexpected is INTERNAL with an unknown outcome. */
    static ErrorReply errorReply(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RequestFailedException failed) {
            return new ErrorReply(
                    failed.code(),
                    failed.getMessage(),
                    failed.definite(),
                    failed.acksReceived(),
                    failed.acksRequired(),
                    failed.replicaFailures().stream()
                            .map(replica -> new ReplicaError(replica.nodeId(), replica.code(), replica.message()))
                            .toList());
        }
        if (cause instanceof MalformedCausalDataException
                || cause instanceof GossipRejectedException
                || cause instanceof IllegalArgumentException) {
            LOG.debug("rejected a malformed request: {}", cause.toString());
            return ErrorReply.of(ErrorCode.BAD_REQUEST, String.valueOf(cause.getMessage()), true);
        }
        LOG.error("request failed unexpectedly", cause);
        return ErrorReply.of(ErrorCode.INTERNAL, "internal error: " + cause, false);
    }

    /** The failure a forwarded request's error reply stands for. */
    static RequestFailedException failure(ErrorReply reply) {
        return new RequestFailedException(
                reply.code(),
                reply.message(),
                reply.definite(),
                reply.acksReceived(),
                reply.acksRequired(),
                reply.replicaErrors().stream()
                        .map(error -> new ReplicaFailure(error.nodeId(), error.code(), error.message()))
                        .toList());
    }

    /**
     * A forwarded request whose target did not answer: it may have been applied there, unless the
     * request never left this node.
     */
    static RequestFailedException forwardingFailure(String target, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RequestFailedException failed) {
            return failed;
        }
        if (cause instanceof ReplicaUnreachableException unreachable && unreachable.code() == ErrorCode.UNAVAILABLE) {
            // The request never left this node (no connection, link blocked): definitely not applied.
            return RequestFailedException.rejected(
                    ErrorCode.UNAVAILABLE, "could not reach " + target + " to forward: " + unreachable.getMessage());
        }
        String reason = cause instanceof ReplicaUnreachableException unreachable
                ? unreachable.getMessage()
                : String.valueOf(cause);
        return new RequestFailedException(
                ErrorCode.TIMEOUT,
                "forwarded to " + target + ", which did not answer: " + reason,
                false,
                0,
                0,
                List.of(new ReplicaFailure(target, ErrorCode.TIMEOUT, reason)));
    }

    static ReadResult readResult(GetReply reply) {
        return new ReadResult(reply.siblings(), reply.context(), reply.coordinator());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
