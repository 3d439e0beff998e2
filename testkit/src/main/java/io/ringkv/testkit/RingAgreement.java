package io.ringkv.testkit;

import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.node.RingKvNode;
import java.util.List;
import java.util.StringJoiner;

/**
 * When a set of in-JVM nodes is ready for a test: every running node serves the same ring version, that
 * ring gives every running node partitions, and every running node sees the running ones alive and the
 * stopped ones down. Until then a client could route by a ring some node does not serve yet.
 */
final class RingAgreement {

    private RingAgreement() {}

    static boolean reached(List<RingKvNode> running, List<String> stoppedNodeIds) {
        Long version = null;
        for (RingKvNode node : running) {
            RingSnapshot ring = node.ring();
            if (ring == null || (version != null && ring.version() != version)) {
                return false;
            }
            version = ring.version();
            for (RingKvNode other : running) {
                if (ring.ownedCount(other.nodeId()) == 0 || !node.topology().isAlive(other.nodeId())) {
                    return false;
                }
            }
            for (String stopped : stoppedNodeIds) {
                if (node.topology().isAlive(stopped)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What each running node currently serves, for the message of a failed wait. */
    static String describe(List<RingKvNode> running) {
        StringJoiner text = new StringJoiner("; ");
        for (RingKvNode node : running) {
            RingSnapshot ring = node.ring();
            text.add(node.nodeId() + " serves "
                    + (ring == null
                            ? "no ring"
                            : "ring v" + ring.version() + " owned by "
                                    + ring.nodes().keySet()));
        }
        return text.toString();
    }
}
