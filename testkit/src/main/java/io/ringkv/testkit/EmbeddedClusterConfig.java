package io.ringkv.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link EmbeddedRingKvCluster} is laid out; built by {@link EmbeddedRingKvCluster.Builder}.
 *
 * @param nodeCount nodes started by {@code start()}
 * @param replicationFactor N, the replicas of every key
 * @param partitionCount Q, the ring's partitions (small rings start faster and are plenty for tests)
 * @param storageEngine {@code memory} (the default: nothing touches the disk but node metadata), {@code mapdb}
 *     or {@code rocksdb}
 * @param settings any further node setting by its configuration key (see docs/configuration.md), applied
 *     to every node after the kit's defaults
 * @param startTimeout how long to wait for the nodes to agree on the ring after a start, restart or join
 */
public record EmbeddedClusterConfig(
        int nodeCount,
        int replicationFactor,
        int partitionCount,
        String storageEngine,
        Map<String, String> settings,
        Duration startTimeout) {

    public EmbeddedClusterConfig {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("nodeCount must be at least 1, was " + nodeCount);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, was " + replicationFactor);
        }
        if (partitionCount < 1) {
            throw new IllegalArgumentException("partitionCount must be at least 1, was " + partitionCount);
        }
        Objects.requireNonNull(storageEngine, "storageEngine");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
    }
}
