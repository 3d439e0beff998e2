/**
 * Extension points that decide, without doing any I/O: the order in which a request tries a key's
 * replicas ({@link io.ringkv.client.policy.RoutingPolicy}, default
 * {@link io.ringkv.client.policy.DefaultRoutingPolicy}; reads can prefer the fastest replica with
 * {@link io.ringkv.client.policy.LatencyAwareRoutingPolicy}), when a slow read is also sent to another
 * replica ({@link io.ringkv.client.policy.SpeculativeReadPolicy}) and how long to wait before
 * reconnecting to a node ({@link io.ringkv.client.policy.ReconnectionPolicy}). Each is a small
 * interface the application may implement itself.
 */
package io.ringkv.client.policy;
