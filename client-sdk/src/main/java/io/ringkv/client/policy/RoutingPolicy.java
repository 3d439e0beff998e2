package io.ringkv.client.policy;

import java.util.List;

/**
 * Decides the order in which a request tries a key's replicas. The first node in the returned order
 * coordinates the request; the others are the failover (and, for reads, speculative) candidates.
 *
 * <p>Only nodes of the preference list should be returned: any of them coordinates the request
 * without forwarding it, while any other node would forward it (one extra network hop) or refuse it.
 * Nodes left out are never tried. Put usable nodes first and keep unusable ones at the end as a last
 * resort: a node the ring thinks is down may be up already.
 *
 * <p>Called on the caller's thread for every request: it must be fast, do no I/O and not block.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RoutingPolicy {

    /**
     * @param kind whether the request reads or writes
     * @param preferenceList the key's replicas, first coordinator first, as the ring defines them
     * @param health liveness and latency of the nodes
     * @return the nodes to try, in order
     */
    List<String> plan(RequestKind kind, List<String> preferenceList, ReplicaHealth health);
}
