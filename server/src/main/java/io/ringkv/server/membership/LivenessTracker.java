package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's opinion of which peers are up, kept by the {@link Gossiper}, in two tiers as in Akka's
 * cluster membership:
 *
 * <ul>
 *   <li>A <b>neighbour</b> on the {@link MonitoringRing} is judged directly: the phi-accrual detector hears
 *       each syn and ack it sends this node, and nothing relayed by others. It is up once such a heartbeat
 *       arrived in its current generation and until phi reaches the threshold. A convicted neighbour is
 *       listed in the local node's gossiped {@link EndpointState#unreachable()} set.
 *   <li>Any other peer is judged by its own neighbours: it is down while more than half of its monitors
 *       (as this node's ring places them) list it as unreachable, and up otherwise.
 * </ul>
 *
 * In a cluster of at most {@code 2k + 1} members every peer is a neighbour, so every opinion is first-hand.
 * Peers that LEFT are outside the ring, never up, and never watched.
 *
 * <p>Keeps every known peer in exactly one of two sets (live, or unreachable, which also holds peers only
 * heard of) for target selection, and turns transitions into {@link MembershipListener} events. Not
 * thread-safe; confined to the topology thread.
 */
final class LivenessTracker {

    private static final Logger LOG = LoggerFactory.getLogger(LivenessTracker.class);

    private final String localNodeId;
    private final PhiAccrualFailureDetector detector;
    private final MembershipListener listener;
    private final Function<String, EndpointState> states;
    private final MonitoringRing ring;
    private final IndexedPeerSet live = new IndexedPeerSet();
    private final IndexedPeerSet unreachable = new IndexedPeerSet();
    /** The newest heartbeat each neighbour sent in its current generation; absent until one arrives. */
    private final Map<String, Long> lastHeartbeats = new HashMap<>();

    private final Set<String> convicted = new HashSet<>();
    private Set<String> neighbours = Set.of();

    LivenessTracker(
            String localNodeId,
            int monitors,
            PhiAccrualFailureDetector detector,
            MembershipListener listener,
            Function<String, EndpointState> states) {
        this.localNodeId = Objects.requireNonNull(localNodeId, "localNodeId");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.states = Objects.requireNonNull(states, "states");
        this.ring = new MonitoringRing(monitors);
        ring.add(localNodeId);
    }

    IndexedPeerSet live() {
        return live;
    }

    IndexedPeerSet unreachable() {
        return unreachable;
    }

    boolean isAlive(String nodeId) {
        return nodeId.equals(localNodeId) || live.contains(nodeId);
    }

    /** Whether this node watches {@code nodeId} with its own failure detector. */
    boolean isNeighbour(String nodeId) {
        return neighbours.contains(nodeId);
    }

    /** The neighbours this node's rounds contact every time: its successors on the monitoring ring. */
    List<String> successors() {
        return ring.successors(localNodeId);
    }

    /** The neighbours this node currently convicts, for its gossiped state. */
    Set<String> convicted() {
        return convicted;
    }

    double phi(String nodeId, long nowNanos) {
        return isNeighbour(nodeId) ? detector.phi(nodeId, nowNanos) : 0.0;
    }

    /**
     * A syn or ack carrying {@code heartbeat} of {@code nodeId}'s run {@code generation} arrived: for a
     * neighbour, a heartbeat unless it is no newer than one already seen (a late or reordered message says
     * nothing about now). Messages from other peers say nothing to the detector, which would otherwise
     * convict them when they stop choosing this node.
     */
    void heardFrom(String nodeId, long generation, long heartbeat, long nowNanos) {
        EndpointState known = states.apply(nodeId);
        // A message of a newer run counts once that run's state has arrived (a restart resets the window).
        if (!isNeighbour(nodeId) || known == null || known.generation() != generation) {
            return;
        }
        Long last = lastHeartbeats.get(nodeId);
        if (last != null && heartbeat <= last) {
            return;
        }
        lastHeartbeats.put(nodeId, heartbeat);
        detector.heartbeat(nodeId, nowNanos);
        convicted.remove(nodeId);
        if (!live.contains(nodeId)) {
            markUp(known);
        }
    }

    /**
     * Reacts to a newer state of a peer taken from gossip: a first sighting, a restart (new generation: the
     * old run is over, down if it was up, and the detector's window starts afresh), a status change, or a
     * change of the peers it convicts (which may change this node's opinion of those peers).
     */
    void stateApplied(EndpointState previous, EndpointState current, long nowNanos) {
        String nodeId = current.nodeId();
        if (previous == null) {
            unreachable.add(nodeId);
            LOG.info(
                    "{} learned of node {} at {}:{} ({})",
                    localNodeId,
                    nodeId,
                    current.host(),
                    current.binaryPort(),
                    current.status());
            listener.onJoin(current);
            membershipChanged(nodeId, current.status() != NodeState.LEFT, nowNanos);
            current.unreachable().forEach(this::judgeByMonitors);
            return;
        }
        if (current.generation() > previous.generation()) {
            if (live.contains(nodeId)) {
                markDown(previous);
            }
            lastHeartbeats.remove(nodeId);
            if (isNeighbour(nodeId)) {
                detector.remove(nodeId);
                detector.heartbeat(nodeId, nowNanos);
            }
            LOG.info("{} sees node {} restarted (generation {})", localNodeId, nodeId, current.generation());
            listener.onRestart(current);
        }
        reportStatusChange(previous.status(), current);
        if ((previous.status() == NodeState.LEFT) != (current.status() == NodeState.LEFT)) {
            membershipChanged(nodeId, current.status() != NodeState.LEFT, nowNanos);
        } else {
            judgeByMonitors(nodeId);
        }
        if (!previous.unreachable().equals(current.unreachable())) {
            previous.unreachable().forEach(this::judgeByMonitors);
            current.unreachable().forEach(this::judgeByMonitors);
        }
    }

    /** Convicts every neighbour whose phi reached the threshold; called once per round. */
    void checkLiveness(long nowNanos) {
        for (String nodeId : neighbours) {
            if (!detector.isAvailable(nodeId, nowNanos)) {
                convicted.add(nodeId);
                if (live.contains(nodeId)) {
                    markDown(states.apply(nodeId));
                }
            }
        }
    }

    /** A peer joined the ring (a first sighting) or left it (LEFT); neighbourhoods around it change. */
    private void membershipChanged(String nodeId, boolean member, long nowNanos) {
        Set<String> affected = new LinkedHashSet<>(ring.neighbours(nodeId));
        if (member) {
            ring.add(nodeId);
        } else {
            ring.remove(nodeId);
            if (live.contains(nodeId)) {
                markDown(states.apply(nodeId));
            }
        }
        affected.addAll(ring.neighbours(nodeId));
        affected.add(nodeId);
        updateNeighbours(nowNanos);
        affected.forEach(this::judgeByMonitors);
    }

    private void updateNeighbours(long nowNanos) {
        Set<String> next = ring.neighbours(localNodeId);
        for (String gone : neighbours) {
            if (!next.contains(gone)) {
                detector.remove(gone);
                lastHeartbeats.remove(gone);
                convicted.remove(gone);
            }
        }
        for (String added : next) {
            if (!neighbours.contains(added)) {
                // A peer already judged up by its monitors stays up; the detector, started now, convicts it
                // if it is silent. A peer only heard of is up once a message of it arrives (heardFrom).
                detector.heartbeat(added, nowNanos);
            }
        }
        neighbours = next;
    }

    /**
     * Judges a peer by its monitors' observations; does nothing for the local node, a neighbour (judged
     * first-hand) or a node never heard of.
     */
    private void judgeByMonitors(String nodeId) {
        EndpointState subject = states.apply(nodeId);
        if (subject == null || nodeId.equals(localNodeId) || isNeighbour(nodeId)) {
            return;
        }
        boolean up = subject.status() != NodeState.LEFT && !convictedByMonitors(nodeId);
        if (up && !live.contains(nodeId)) {
            markUp(subject);
        } else if (!up && live.contains(nodeId)) {
            markDown(subject);
        }
    }

    private boolean convictedByMonitors(String nodeId) {
        Set<String> monitors = ring.neighbours(nodeId);
        if (monitors.isEmpty()) {
            return false;
        }
        int convictions = 0;
        for (String monitor : monitors) {
            EndpointState observer = states.apply(monitor);
            if (observer != null && observer.convicts(nodeId)) {
                convictions++;
            }
        }
        return 2 * convictions > monitors.size();
    }

    private void markUp(EndpointState state) {
        unreachable.remove(state.nodeId());
        live.add(state.nodeId());
        LOG.info("{} sees node {} UP", localNodeId, state.nodeId());
        listener.onUp(state);
    }

    private void markDown(EndpointState state) {
        live.remove(state.nodeId());
        unreachable.add(state.nodeId());
        LOG.info("{} sees node {} DOWN", localNodeId, state.nodeId());
        listener.onDown(state);
    }

    private void reportStatusChange(NodeState previousStatus, EndpointState current) {
        if (previousStatus != current.status()) {
            LOG.info(
                    "{} sees node {} change from {} to {}",
                    localNodeId,
                    current.nodeId(),
                    previousStatus,
                    current.status());
            listener.onStateChange(current, previousStatus);
        }
    }
}
