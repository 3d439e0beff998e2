package io.ringkv.ring;

/**
 * Where a node is in its membership life cycle, as carried in gossip and ring snapshots.
 *
 * <p>Only {@link #LEFT} has a ring-level consequence: a node that has left owns no partitions. A
 * {@link #JOINING} node may already be named as the owner of the partitions it is streaming in, and a
 * {@link #LEAVING} node still owns its partitions until the handover completes; what requests do with
 * them is the server's decision.
 */
public enum NodeState {
    /** Announced and receiving data; not yet serving as a full member. */
    JOINING,
    /** A full member. */
    NORMAL,
    /** Handing its partitions to others before leaving. */
    LEAVING,
    /** Gone: owns nothing, kept only so peers remember it left. */
    LEFT
}
