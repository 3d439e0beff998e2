package io.ringkv.ring;

import java.util.Objects;

/**
 * What a ring snapshot knows about one node: identity, addresses, rack, life-cycle state and whether
 * the sender of the snapshot believed it alive.
 *
 * <p>A plain value. The {@code rack} is never null: a missing rack is the empty string, and a null
 * passed in is stored as {@code ""}. Ports range over 0..65535 (0 meaning "not listening").
 *
 * @param nodeId stable unique node name, not blank
 * @param host host name or address clients and peers connect to
 * @param binaryPort port of the binary protocol
 * @param httpPort port of the HTTP API
 * @param rack rack or zone name, {@code ""} when none
 * @param state membership state
 * @param alive whether the failure detector of the snapshot's author considered the node up
 */
public record NodeInfo(
        String nodeId, String host, int binaryPort, int httpPort, String rack, NodeState state, boolean alive) {

    public NodeInfo {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("node id must not be blank");
        }
        Objects.requireNonNull(host, "host");
        checkPort(binaryPort, "binaryPort");
        checkPort(httpPort, "httpPort");
        rack = rack == null ? "" : rack;
        Objects.requireNonNull(state, "state");
    }

    /** Whether a rack is set. */
    public boolean hasRack() {
        return !rack.isEmpty();
    }

    public NodeInfo withState(NodeState newState) {
        return new NodeInfo(nodeId, host, binaryPort, httpPort, rack, newState, alive);
    }

    public NodeInfo withAlive(boolean newAlive) {
        return new NodeInfo(nodeId, host, binaryPort, httpPort, rack, state, newAlive);
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be within 0..65535, was " + port);
        }
    }
}
