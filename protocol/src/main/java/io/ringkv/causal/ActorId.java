package io.ringkv.causal;

import java.util.Objects;

/**
 * The identity a server node writes into the dots it issues: its node id plus an incarnation.
 *
 * <p>A node starts a new incarnation whenever it cannot prove that its data directory is the one it
 * last wrote (lost, wiped or restored from a backup), so a node can never issue a dot it already
 * issued before. Reused dots make a new write look like an old one and are a known source of silent
 * data loss in Dynamo-style stores. Incarnations are ordered: a larger one is newer.
 */
public record ActorId(String nodeId, long incarnation) implements Comparable<ActorId> {

    public ActorId {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isEmpty()) {
            throw new IllegalArgumentException("nodeId must not be empty");
        }
        if (incarnation < 0) {
            throw new IllegalArgumentException("incarnation must be >= 0, was " + incarnation);
        }
    }

    @Override
    public int compareTo(ActorId other) {
        int byNode = nodeId.compareTo(other.nodeId);
        return byNode != 0 ? byNode : Long.compare(incarnation, other.incarnation);
    }

    @Override
    public String toString() {
        return nodeId + "#" + incarnation;
    }
}
