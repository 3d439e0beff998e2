/**
 * Token-aware routing: the key's preference list from the local ring snapshot, ordered by the
 * configured {@link io.ringkv.client.policy.RoutingPolicy} with what the client knows about each node's
 * liveness and latency ({@link io.ringkv.client.internal.routing.NodeHealthTracker}).
 */
package io.ringkv.client.internal.routing;
