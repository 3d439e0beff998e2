package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;
import java.util.Objects;

/**
 * What one replica reported to the coordinating node when a quorum was not reached.
 *
 * @param nodeId the replica
 * @param code its error
 * @param message detail for people
 */
public record ReplicaFailure(String nodeId, ErrorCode code, String message) {

    public ReplicaFailure {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
