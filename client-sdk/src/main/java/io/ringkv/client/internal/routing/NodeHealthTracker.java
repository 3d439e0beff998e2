package io.ringkv.client.internal.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this client has observed about each node: whether its latest connection attempt failed, and an
 * exponentially weighted moving average of its reply latency. Fed by the connection pools, read by
 * routing. Lock-free; updates of the average may race and lose a sample, which only makes it a little
 * less smooth.
 */
public final class NodeHealthTracker {

    /** Weight of a new sample is 1 / 2^SMOOTHING_SHIFT (here 1/8): a few dozen replies to adapt. */
    private static final int SMOOTHING_SHIFT = 3;

    private final Map<String, NodeState> nodes = new ConcurrentHashMap<>();

    /** A connection to the node opened. */
    public void connected(String nodeId) {
        state(nodeId).reachable = true;
    }

    /** A connection attempt to the node failed. */
    public void connectFailed(String nodeId) {
        state(nodeId).reachable = false;
    }

    /** A reply arrived {@code latencyNanos} after its request was written. */
    public void recordLatency(String nodeId, long latencyNanos) {
        NodeState state = state(nodeId);
        long previous = state.latencyNanos;
        state.latencyNanos = previous < 0 ? latencyNanos : previous + ((latencyNanos - previous) >> SMOOTHING_SHIFT);
    }

    /** False after a failed connection attempt, until a connection opens again; true for unknown nodes. */
    public boolean isReachable(String nodeId) {
        NodeState state = nodes.get(nodeId);
        return state == null || state.reachable;
    }

    /** The latency average in nanoseconds, or -1 without samples. */
    public long latencyNanos(String nodeId) {
        NodeState state = nodes.get(nodeId);
        return state == null ? -1 : state.latencyNanos;
    }

    /** Drops what is known about a node that left the ring. */
    public void forget(String nodeId) {
        nodes.remove(nodeId);
    }

    private NodeState state(String nodeId) {
        return nodes.computeIfAbsent(nodeId, unused -> new NodeState());
    }

    private static final class NodeState {
        volatile boolean reachable = true;
        volatile long latencyNanos = -1;
    }
}
