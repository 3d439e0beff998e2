package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;

/**
 * Told by the {@link Gossiper} how this node's view of the cluster changes. Up and down are this node's
 * own opinion (its failure detector), not cluster-wide facts; status changes and the ring register come
 * from gossip.
 *
 * <p>Called on the topology thread, inside a gossip round or message handler, after the change is applied:
 * implementations must be quick, must not block and must not throw (an exception would abort the round);
 * hand longer work (hint replay, streaming) to another executor. Every method has an empty default.
 *
 * <p>Sequence for one peer: {@code onJoin} when it is first heard of (it is not yet considered up);
 * {@code onUp} when a newer heartbeat of it arrives; {@code onDown} when the failure detector convicts it;
 * {@code onUp} again when heartbeats resume. When it restarts (a new generation): {@code onDown} if it was
 * up, then {@code onRestart}, then {@code onUp} with the next heartbeat of the new run.
 */
public interface MembershipListener {

    /** Ignores everything. */
    MembershipListener NONE = new MembershipListener() {};

    /** A node was heard of for the first time. */
    default void onJoin(EndpointState state) {}

    /** A node is considered up: a newer heartbeat arrived while it was not. */
    default void onUp(EndpointState state) {}

    /** A node is considered down: its phi reached the threshold. */
    default void onDown(EndpointState state) {}

    /** A known node started a new run (new generation); it counts as up again with its next heartbeat. */
    default void onRestart(EndpointState state) {}

    /** A node's life-cycle status changed, for example from JOINING to NORMAL. */
    default void onStateChange(EndpointState state, NodeState previousStatus) {}

    /** A ring register that supersedes the previous one arrived through gossip. */
    default void onRingChange(RingRegister ring) {}
}
