package io.ringkv.protocol.message;

import io.ringkv.protocol.ErrorCode;
import java.util.Objects;

/**
 * The error one replica reported to a coordinator, carried in {@link ErrorReply#replicaErrors()}.
 *
 * @param nodeId id of the replica
 * @param code what went wrong there
 * @param message human-readable detail
 */
public record ReplicaError(String nodeId, ErrorCode code, String message) {

    public ReplicaError {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
