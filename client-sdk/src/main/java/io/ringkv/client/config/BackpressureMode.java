package io.ringkv.client.config;

/**
 * What a request does when the node it is routed to already has the maximum number of requests in
 * flight from this client ({@link ConnectionConfig#maxInFlightPerNode()}).
 *
 * <p>In both modes the request first moves on to the key's next replica; the mode decides what happens
 * at each saturated node. Nothing ever queues without bound: waiting requests count against
 * {@link ConnectionConfig#maxQueuedPerNode()}.
 */
public enum BackpressureMode {
    /** Skip the node at once; when every replica is saturated, fail with a client-side {@code OverloadedException}. */
    FAIL_FAST,
    /**
     * Wait up to {@link ConnectionConfig#maxQueueWait()} for a slot on the node (in a queue of at most
     * {@link ConnectionConfig#maxQueuedPerNode()} requests), then skip it; fail with a client-side
     * {@code OverloadedException} when no replica had a slot in time.
     */
    WAIT
}
