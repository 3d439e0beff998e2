package io.ringkv.server.coordinator;

import io.ringkv.protocol.ErrorCode;
import java.util.Objects;

/** Why one replica did not answer a quorum request in time. */
public record ReplicaFailure(String nodeId, ErrorCode code, String message) {

    public ReplicaFailure {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
