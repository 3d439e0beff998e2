package io.ringkv.protocol.message;

import io.ringkv.protocol.NodeStatus;
import java.util.Objects;

/**
 * One node of a {@link RingSnapshotReply}, with its addresses and its liveness as seen by the answering node.
 *
 * @param nodeId the node's id
 * @param host address to connect to
 * @param binaryPort port of the binary protocol
 * @param httpPort port of the HTTP API
 * @param rack rack or zone; empty when not configured
 * @param status membership state
 * @param alive whether the answering node's failure detector considers it up
 */
public record NodeEntry(
        String nodeId, String host, int binaryPort, int httpPort, String rack, NodeStatus status, boolean alive) {

    public NodeEntry {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(host, "host");
        Fields.requireUnsignedShort("binaryPort", binaryPort);
        Fields.requireUnsignedShort("httpPort", httpPort);
        Objects.requireNonNull(rack, "rack");
        Objects.requireNonNull(status, "status");
    }
}
