package io.ringkv.protocol.message;

import io.ringkv.protocol.NodeStatus;
import java.util.Objects;

/**
 * Full gossiped state of one endpoint.
 *
 * @param nodeId the endpoint's node id
 * @param generation increases each time the node restarts
 * @param version state version within the generation
 * @param heartbeat heartbeat counter, increased every gossip round
 * @param host address clients and peers connect to
 * @param binaryPort port of the binary protocol
 * @param httpPort port of the HTTP API
 * @param rack rack or zone; empty when not configured
 * @param status membership state
 * @param incarnation incarnation of the node's causal actor id
 */
public record EndpointState(
        String nodeId,
        long generation,
        long version,
        long heartbeat,
        String host,
        int binaryPort,
        int httpPort,
        String rack,
        NodeStatus status,
        long incarnation) {

    public EndpointState {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(host, "host");
        Fields.requireUnsignedShort("binaryPort", binaryPort);
        Fields.requireUnsignedShort("httpPort", httpPort);
        Objects.requireNonNull(rack, "rack");
        Objects.requireNonNull(status, "status");
    }
}
