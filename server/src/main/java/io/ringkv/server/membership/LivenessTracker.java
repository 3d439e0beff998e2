package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's opinion of which peers are up, kept by the {@link Gossiper}: feeds applied endpoint states to
 * the failure detector, keeps every known peer in exactly one of two sets (live, or unreachable, which also
 * holds peers only heard of) for target selection, and turns transitions into {@link MembershipListener}
 * events. Not thread-safe; confined to the topology thread.
 */
final class LivenessTracker {

    private static final Logger LOG = LoggerFactory.getLogger(LivenessTracker.class);

    private final String localNodeId;
    private final PhiAccrualFailureDetector detector;
    private final MembershipListener listener;
    private final IndexedPeerSet live = new IndexedPeerSet();
    private final IndexedPeerSet unreachable = new IndexedPeerSet();

    LivenessTracker(String localNodeId, PhiAccrualFailureDetector detector, MembershipListener listener) {
        this.localNodeId = Objects.requireNonNull(localNodeId, "localNodeId");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.listener = Objects.requireNonNull(listener, "listener");
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

    double phi(String nodeId, long nowNanos) {
        return nodeId.equals(localNodeId) ? 0.0 : detector.phi(nodeId, nowNanos);
    }

    /**
     * Reacts to a newer state of a peer taken from gossip. A first sighting starts the detector's clock but
     * does not make the peer live (its state may be old news about a dead node); a heartbeat newer than one
     * already seen does. A new generation is a restart: the old run is over (down if it was up) and the
     * detector's window starts afresh.
     */
    void stateApplied(EndpointState previous, EndpointState current, long nowNanos) {
        String nodeId = current.nodeId();
        if (previous == null) {
            detector.heartbeat(nodeId, nowNanos);
            unreachable.add(nodeId);
            LOG.info(
                    "{} learned of node {} at {}:{} ({})",
                    localNodeId,
                    nodeId,
                    current.host(),
                    current.binaryPort(),
                    current.status());
            listener.onJoin(current);
            return;
        }
        if (current.generation() > previous.generation()) {
            if (live.contains(nodeId)) {
                markDown(previous);
            }
            detector.remove(nodeId);
            detector.heartbeat(nodeId, nowNanos);
            LOG.info("{} sees node {} restarted (generation {})", localNodeId, nodeId, current.generation());
            listener.onRestart(current);
            reportStatusChange(previous.status(), current);
            return;
        }
        reportStatusChange(previous.status(), current);
        if (current.heartbeat() > previous.heartbeat()) {
            detector.heartbeat(nodeId, nowNanos);
            if (!live.contains(nodeId)) {
                markUp(current);
            }
        }
    }

    /** Convicts every live peer whose phi reached the threshold; called once per round. */
    void checkLiveness(long nowNanos, Function<String, EndpointState> states) {
        // Downward, so the element a removal swaps into slot i has already been checked.
        for (int i = live.size() - 1; i >= 0; i--) {
            String nodeId = live.get(i);
            if (!detector.isAvailable(nodeId, nowNanos)) {
                markDown(states.apply(nodeId));
            }
        }
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
