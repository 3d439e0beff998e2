package io.ringkv.protocol.message;

import io.ringkv.protocol.NodeStatus;
import java.util.List;
import java.util.Objects;

/**
 * Full gossiped state of one endpoint. Heartbeats are not part of it: they travel directly in each
 * {@link GossipSyn} and {@link GossipAck}.
 *
 * @param nodeId the endpoint's node id
 * @param generation increases each time the node restarts
 * @param version state version within the generation
 * @param host address clients and peers connect to
 * @param binaryPort port of the binary protocol
 * @param httpPort port of the HTTP API
 * @param rack rack or zone; empty when not configured
 * @param status membership state
 * @param incarnation incarnation of the node's causal actor id
 * @param unreachable node ids of the peers this endpoint, as one of their monitors, currently convicts
 *     as down; {@code null} becomes empty
 */
public record EndpointState(
        String nodeId,
        long generation,
        long version,
        String host,
        int binaryPort,
        int httpPort,
        String rack,
        NodeStatus status,
        long incarnation,
        List<String> unreachable) {

    public EndpointState {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(host, "host");
        Fields.requireUnsignedShort("binaryPort", binaryPort);
        Fields.requireUnsignedShort("httpPort", httpPort);
        Objects.requireNonNull(rack, "rack");
        Objects.requireNonNull(status, "status");
        unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
    }
}
