package io.ringkv.server.coordinator;

import io.ringkv.protocol.ErrorCode;

/** A replica request that got no usable answer: connection refused, dropped, timed out or errored. */
public final class ReplicaUnreachableException extends RuntimeException {

    private final String nodeId;
    private final ErrorCode code;

    public ReplicaUnreachableException(String nodeId, ErrorCode code, String message) {
        super(message, null, false, false);
        this.nodeId = nodeId;
        this.code = code;
    }

    public String nodeId() {
        return nodeId;
    }

    public ErrorCode code() {
        return code;
    }

    public ReplicaFailure toFailure() {
        return new ReplicaFailure(nodeId, code, getMessage());
    }
}
