package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import java.util.Objects;

/**
 * Everything gossip spreads about one node, as one versioned value; maps one to one to the wire table
 * {@code EndpointState}.
 *
 * <p>Only the node itself creates new versions of its state: each gossip round it bumps {@code heartbeat}
 * and {@code version}, and any change of status bumps {@code version}. Others copy the state they receive
 * and keep the newer of two copies: the higher {@code generation} wins, then the higher {@code version}
 * (Cassandra's rule). The generation is fixed for one run of the process and grows at every restart, so a
 * restarted node's state supersedes everything gossiped about its previous run even though its version
 * starts again at 1. The server uses the node's incarnation (which only grows, see
 * {@code io.ringkv.causal.Incarnations}) as the generation; {@code incarnation} is carried separately for
 * the causal layer and is never compared here.
 *
 * <p>Liveness is deliberately absent: whether a node is up is each observer's own opinion, from its own
 * failure detector, never gossiped as truth.
 *
 * @param nodeId stable unique node name
 * @param generation the run of the node this state belongs to; grows at every restart
 * @param version grows with every change of this state within a generation, starting at 1
 * @param heartbeat counts the node's gossip rounds within the generation
 * @param host host name or address peers and clients connect to
 * @param binaryPort binary protocol port, also used for gossip
 * @param httpPort HTTP API port, 0 when disabled
 * @param rack rack or zone, {@code ""} when none (a null is stored as {@code ""})
 * @param status life-cycle status
 * @param incarnation the node's incarnation for causality (usually equal to the generation)
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
        NodeState status,
        long incarnation) {

    public EndpointState {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("node id must not be blank");
        }
        if (generation < 0 || version < 1 || heartbeat < 0) {
            throw new IllegalArgumentException("generation >= 0, version >= 1 and heartbeat >= 0 required, were "
                    + generation + ", " + version + ", " + heartbeat);
        }
        Objects.requireNonNull(host, "host");
        if (binaryPort < 1 || binaryPort > 65_535 || httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("binaryPort must be within 1..65535 and httpPort within 0..65535, were "
                    + binaryPort + " and " + httpPort);
        }
        rack = rack == null ? "" : rack;
        Objects.requireNonNull(status, "status");
    }

    /** The first state of a node's run: version 1, heartbeat 0. */
    public static EndpointState initial(
            String nodeId,
            long generation,
            String host,
            int binaryPort,
            int httpPort,
            String rack,
            NodeState status,
            long incarnation) {
        return new EndpointState(nodeId, generation, 1, 0, host, binaryPort, httpPort, rack, status, incarnation);
    }

    public GossipDigest digest() {
        return new GossipDigest(nodeId, generation, version);
    }

    /** The address gossip and replica traffic use to reach this node. */
    public PeerAddress address() {
        return new PeerAddress(host, binaryPort);
    }

    /** Whether this state is newer than a peer's knowledge {@code (generation, version)}. */
    public boolean isNewerThan(long otherGeneration, long otherVersion) {
        return generation > otherGeneration || (generation == otherGeneration && version > otherVersion);
    }

    public boolean isNewerThan(EndpointState other) {
        return isNewerThan(other.generation, other.version);
    }

    /** The next round's state of the local node: heartbeat and version both advance. */
    EndpointState nextHeartbeat() {
        return new EndpointState(
                nodeId, generation, version + 1, heartbeat + 1, host, binaryPort, httpPort, rack, status, incarnation);
    }

    /** The local node's state with a new status (and a new version). */
    EndpointState withStatus(NodeState newStatus) {
        return new EndpointState(
                nodeId, generation, version + 1, heartbeat, host, binaryPort, httpPort, rack, newStatus, incarnation);
    }
}
