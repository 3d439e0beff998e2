package io.ringkv.client.policy;

/**
 * What the client currently knows about the nodes, as input to a {@link RoutingPolicy}. Implemented by
 * the SDK; reads are cheap and lock-free.
 */
public interface ReplicaHealth {

    /**
     * True when the node is worth trying first: the latest ring snapshot says it is alive and this
     * client has no recent connection failure to it.
     */
    boolean isUsable(String nodeId);

    /**
     * The node's recent reply latency in nanoseconds (an exponentially weighted moving average of this
     * client's own requests), or a negative value when the client has no sample yet.
     */
    long latencyNanos(String nodeId);
}
