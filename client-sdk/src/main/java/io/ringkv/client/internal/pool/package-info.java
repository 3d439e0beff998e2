/**
 * Connection pools: a few multiplexed connections per node with reconnection backoff
 * ({@link io.ringkv.client.internal.pool.NodePool}), the bound on requests in flight per node
 * ({@link io.ringkv.client.internal.pool.InFlightLimiter}) and the set of pools that follows the ring
 * ({@link io.ringkv.client.internal.pool.NodePools}).
 */
package io.ringkv.client.internal.pool;
