/**
 * The client's ring view: bootstrap from seeds, periodic and on-demand refresh
 * ({@link io.ringkv.client.internal.topology.TopologyManager}) and the mapping of a node's ring snapshot
 * reply to the shared {@link io.ringkv.ring.RingSnapshot}
 * ({@link io.ringkv.client.internal.topology.SnapshotMapper}).
 */
package io.ringkv.client.internal.topology;
