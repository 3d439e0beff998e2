package io.ringkv.server.coordinator;

import io.ringkv.protocol.ErrorCode;
import java.util.concurrent.CompletionException;

/** Turns what a replica stage failed with into a {@link ReplicaFailure} for the client's error report. */
final class Failures {

    private Failures() {}

    static ReplicaFailure of(String nodeId, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ReplicaUnreachableException unreachable) {
            return unreachable.toFailure();
        }
        if (cause instanceof RequestFailedException requestFailed) {
            return new ReplicaFailure(nodeId, requestFailed.code(), String.valueOf(requestFailed.getMessage()));
        }
        return new ReplicaFailure(nodeId, ErrorCode.INTERNAL, cause.toString());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
