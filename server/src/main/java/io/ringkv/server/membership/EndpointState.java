package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything gossip spreads about one node, as one versioned value; maps one to one to the wire table
 * {@code EndpointState}.
 *
 * <p>Only the node itself creates new versions of its state, and only when something changes: its status,
 * or the set of peers it convicts as unreachable. Its heartbeat is not part of the state (it travels in
 * every syn and ack the node sends, to the peers that monitor it), so a quiet cluster gossips no new
 * versions and a round's bytes do not grow with the cluster. Others copy the state they receive and keep
 * the newer of two copies: the higher {@code generation} wins, then the higher {@code version}
 * (Cassandra's rule). The generation is fixed for one run of the process and grows at every restart, so a
 * restarted node's state supersedes everything gossiped about its previous run even though its version
 * starts again at 1. The server uses the node's incarnation (which only grows, see
 * {@code io.ringkv.causal.Incarnations}) as the generation; {@code incarnation} is carried separately for
 * the causal layer and is never compared here.
 *
 * <p>{@code unreachable} is an observation, not a verdict: each node decides liveness itself, from its own
 * failure detector for the peers it monitors, and from these observations by a peer's monitors for the
 * rest (see {@link LivenessTracker}).
 *
 * @param nodeId stable unique node name
 * @param generation the run of the node this state belongs to; grows at every restart
 * @param version grows with every change of this state within a generation, starting at 1
 * @param host host name or address peers and clients connect to
 * @param binaryPort binary protocol port, also used for gossip
 * @param httpPort HTTP API port, 0 when disabled
 * @param rack rack or zone, {@code ""} when none (a null is stored as {@code ""})
 * @param status life-cycle status
 * @param incarnation the node's incarnation for causality (usually equal to the generation)
 * @param unreachable ids of the peers this node monitors and currently convicts, sorted (null means none)
 */
public record EndpointState(
        String nodeId,
        long generation,
        long version,
        String host,
        int binaryPort,
        int httpPort,
        String rack,
        NodeState status,
        long incarnation,
        List<String> unreachable) {

    public EndpointState {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("node id must not be blank");
        }
        if (generation < 0 || version < 1) {
            throw new IllegalArgumentException(
                    "generation >= 0 and version >= 1 required, were " + generation + " and " + version);
        }
        Objects.requireNonNull(host, "host");
        if (binaryPort < 1 || binaryPort > 65_535 || httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("binaryPort must be within 1..65535 and httpPort within 0..65535, were "
                    + binaryPort + " and " + httpPort);
        }
        rack = rack == null ? "" : rack;
        Objects.requireNonNull(status, "status");
        unreachable = unreachable == null ? List.of() : List.copyOf(new TreeSet<>(unreachable));
    }

    /** The first state of a node's run: version 1, nobody convicted. */
    public static EndpointState initial(
            String nodeId,
            long generation,
            String host,
            int binaryPort,
            int httpPort,
            String rack,
            NodeState status,
            long incarnation) {
        return new EndpointState(
                nodeId, generation, 1, host, binaryPort, httpPort, rack, status, incarnation, List.of());
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

    /** Whether this node, as a monitor of {@code peerId}, convicts it. */
    public boolean convicts(String peerId) {
        return !unreachable.isEmpty() && unreachable.contains(peerId);
    }

    /** The local node's state with a new status (and a new version). */
    EndpointState withStatus(NodeState newStatus) {
        return new EndpointState(
                nodeId, generation, version + 1, host, binaryPort, httpPort, rack, newStatus, incarnation, unreachable);
    }

    /** The local node's state with a new set of convicted peers (and a new version). */
    EndpointState withUnreachable(Set<String> convicted) {
        return new EndpointState(
                nodeId,
                generation,
                version + 1,
                host,
                binaryPort,
                httpPort,
                rack,
                status,
                incarnation,
                List.copyOf(convicted));
    }
}
