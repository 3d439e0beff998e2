package io.ringkv.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one node is configured with, validated once at start-up. Defaults are the documentation:
 * {@code docs/configuration.md} lists each field with the same names as the YAML file.
 *
 * @param seeds {@code host:port} binary addresses of a few existing nodes, used only to bootstrap
 *     gossip; a node may list itself (the first node of a new cluster does)
 * @param partitionCount Q, fixed when the cluster is created; a power of two, ≥ 10 × the largest node
 *     count planned
 * @param replicationFactor N, the preference-list length
 */
public record NodeConfig(
        String nodeId,
        String clusterName,
        String host,
        int binaryPort,
        int httpPort,
        Path dataDirectory,
        List<String> seeds,
        String rack,
        int partitionCount,
        int replicationFactor,
        StorageSettings storage,
        RequestSettings requests,
        GossipSettings gossip,
        HintSettings hints,
        int ioThreads,
        int storageThreads,
        String telemetryExporter,
        StreamingSettings streaming,
        AntiEntropySettings antiEntropy) {

    public NodeConfig {
        seeds = List.copyOf(seeds);
        rack = rack == null ? "" : rack;
        List<String> problems = new ArrayList<>();
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9_.-]{1,64}")) {
            problems.add("node-id must be 1-64 characters of letters, digits, '.', '_' or '-', was '" + nodeId + "'");
        }
        if (clusterName == null || clusterName.isBlank()) {
            problems.add("cluster-name must not be empty");
        }
        if (host == null || host.isBlank()) {
            problems.add("host must not be empty");
        }
        checkPort(problems, "port", binaryPort);
        checkPort(problems, "http-port", httpPort);
        if (binaryPort == httpPort && binaryPort != 0) {
            problems.add("port and http-port must differ, both were " + binaryPort);
        }
        Objects.requireNonNull(dataDirectory, "data-dir");
        for (String seed : seeds) {
            if (!seed.matches("[^:\\s]+:\\d{1,5}")) {
                problems.add("seed '" + seed + "' is not host:port");
            }
        }
        if (partitionCount < 2 || partitionCount > (1 << 20) || Integer.bitCount(partitionCount) != 1) {
            problems.add("partition-count must be a power of two between 2 and 1048576, was " + partitionCount);
        }
        if (replicationFactor < 1 || replicationFactor > 15) {
            problems.add("replication-factor must be between 1 and 15, was " + replicationFactor);
        }
        if (requests.defaultReadQuorum() > replicationFactor || requests.defaultWriteQuorum() > replicationFactor) {
            problems.add("requests.default-r and default-w must not exceed replication-factor " + replicationFactor);
        }
        if (ioThreads < 0 || storageThreads < 1) {
            problems.add("io-threads must be >= 0 (0 = 2 x cores) and storage-threads >= 1");
        }
        if (hints.maxAgeMillis() < gossip.downAfterMillisEstimate()) {
            problems.add("hints.max-age-millis must exceed the failure detection time");
        }
        Objects.requireNonNull(streaming, "streaming");
        Objects.requireNonNull(antiEntropy, "anti-entropy");
        if (antiEntropy.tombstoneGraceMillis() < hints.maxAgeMillis()) {
            // A hint older than the grace could replay a value whose tombstone was already purged.
            problems.add("tombstones.grace-millis (" + antiEntropy.tombstoneGraceMillis()
                    + ") must be >= hints.max-age-millis (" + hints.maxAgeMillis()
                    + "): a hint kept longer than a tombstone could bring a deleted value back");
        }
        if (!List.of("none", "logging").contains(telemetryExporter)) {
            problems.add("telemetry.exporter must be none or logging, was '" + telemetryExporter + "'");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    private static void checkPort(List<String> problems, String name, int port) {
        if (port < 0 || port > 65535) {
            problems.add(name + " must be 0..65535, was " + port);
        }
    }

    /** Settings of the storage engine that holds the data. */
    public record StorageSettings(String engine, String syncPolicy, int groupCommitIntervalMillis) {
        public StorageSettings {
            if (!List.of("mapdb", "rocksdb", "memory").contains(engine)) {
                throw new InvalidConfigException(
                        List.of("storage.engine must be mapdb, rocksdb or memory, was '" + engine + "'"));
            }
            if (!List.of("group-commit", "per-write").contains(syncPolicy)) {
                throw new InvalidConfigException(
                        List.of("storage.sync-policy must be group-commit or per-write, was '" + syncPolicy + "'"));
            }
            if (groupCommitIntervalMillis < 0 || groupCommitIntervalMillis > 1000) {
                throw new InvalidConfigException(List.of("storage.group-commit-interval-millis must be 0..1000"));
            }
        }
    }

    /** Client request defaults and limits (the limits apply to client writes only). */
    public record RequestSettings(
            int defaultReadQuorum,
            int defaultWriteQuorum,
            long timeoutMillis,
            long handoffAfterMillis,
            int maxKeyBytes,
            int siblingWarnCount,
            int siblingMaxCount,
            long objectWarnBytes,
            long objectMaxBytes,
            int maxInFlightPerConnection) {
        public RequestSettings {
            List<String> problems = new ArrayList<>();
            if (defaultReadQuorum < 1 || defaultWriteQuorum < 1) {
                problems.add("requests.default-r and default-w must be >= 1");
            }
            if (timeoutMillis < 1 || handoffAfterMillis < 1 || handoffAfterMillis > timeoutMillis) {
                problems.add("requests.timeout-millis and handoff-after-millis must be positive, handoff <= timeout");
            }
            if (maxKeyBytes < 1 || maxKeyBytes > 8192) {
                problems.add("requests.max-key-bytes must be 1..8192 (the wire limit)");
            }
            if (siblingWarnCount < 1 || siblingMaxCount < siblingWarnCount || siblingMaxCount > 128) {
                problems.add("requests.sibling-warn-count <= sibling-max-count <= 128 (the wire limit)");
            }
            if (objectWarnBytes < 1 || objectMaxBytes < objectWarnBytes || objectMaxBytes > 4L * 1024 * 1024) {
                problems.add("requests.object-warn-bytes <= object-max-bytes <= 4 MiB (the wire limit)");
            }
            if (maxInFlightPerConnection < 1) {
                problems.add("requests.max-in-flight-per-connection must be >= 1");
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
        }
    }

    /** Gossip and failure detection. */
    public record GossipSettings(int intervalMillis, int fanout, int monitors, double phiThreshold) {
        public GossipSettings {
            if (intervalMillis < 10
                    || intervalMillis > 60_000
                    || fanout < 1
                    || monitors < 1
                    || monitors > 16
                    || phiThreshold <= 0) {
                throw new InvalidConfigException(List.of("gossip.interval-millis must be 10..60000, fanout >= 1,"
                        + " monitors 1..16 and phi-threshold > 0"));
            }
        }

        /** A rough upper bound of the time to convict a dead node, for cross-checks with other settings. */
        long downAfterMillisEstimate() {
            return (long) (intervalMillis * phiThreshold * 3);
        }
    }

    /**
     * Partition streaming for joins, decommissions and removals.
     *
     * @param budgetBytesPerSecond the most bytes per second a node moves for a transition it drives
     * @param chunkBytes approximate size of one streamed chunk
     * @param settleRounds gossip rounds a driver waits after proposing a transition before it streams
     */
    public record StreamingSettings(long budgetBytesPerSecond, int chunkBytes, int settleRounds) {
        public StreamingSettings {
            List<String> problems = new ArrayList<>();
            if (budgetBytesPerSecond < 1024) {
                problems.add("streaming.budget-bytes-per-second must be >= 1024, was " + budgetBytesPerSecond);
            }
            if (chunkBytes < 1024 || chunkBytes > 8 << 20) {
                problems.add("streaming.chunk-bytes must be 1024..8388608, was " + chunkBytes);
            }
            if (settleRounds < 1 || settleRounds > 1000) {
                problems.add("streaming.settle-rounds must be 1..1000, was " + settleRounds);
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
        }
    }

    /**
     * Anti-entropy (Merkle tree exchanges between co-replicas) and the tombstone purge that depends on it.
     *
     * @param intervalMillis time between two passes over every partition; 0 runs passes only on demand
     * @param leavesPerPartition leaves of each partition's Merkle tree, a power of two; the same on every node
     * @param budgetBytesPerSecond the most bytes per second the exchanges may move
     * @param tombstoneGraceMillis how old a tombstone must be before it may be purged
     */
    public record AntiEntropySettings(
            long intervalMillis, int leavesPerPartition, long budgetBytesPerSecond, long tombstoneGraceMillis) {
        public AntiEntropySettings {
            List<String> problems = new ArrayList<>();
            if (intervalMillis < 0) {
                problems.add("anti-entropy.interval-millis must be >= 0 (0 = only on demand), was " + intervalMillis);
            }
            if (leavesPerPartition < 1 || leavesPerPartition > 65536 || Integer.bitCount(leavesPerPartition) != 1) {
                problems.add("anti-entropy.leaves-per-partition must be a power of two between 1 and 65536, was "
                        + leavesPerPartition);
            }
            if (budgetBytesPerSecond < 1024) {
                problems.add("anti-entropy.budget-bytes-per-second must be >= 1024, was " + budgetBytesPerSecond);
            }
            if (tombstoneGraceMillis < 0) {
                problems.add("tombstones.grace-millis must be >= 0, was " + tombstoneGraceMillis);
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
        }
    }

    /** Hinted handoff bounds. */
    public record HintSettings(long maxAgeMillis, long maxTotalBytes, int replayIntervalMillis, boolean enabled) {
        /** Hints enabled, the default. */
        public HintSettings(long maxAgeMillis, long maxTotalBytes, int replayIntervalMillis) {
            this(maxAgeMillis, maxTotalBytes, replayIntervalMillis, true);
        }

        public HintSettings {
            if (maxAgeMillis < 1000 || maxTotalBytes < 1024 || replayIntervalMillis < 10) {
                throw new InvalidConfigException(
                        List.of("hints.max-age-millis >= 1000, max-total-bytes >= 1024, replay-interval-millis >= 10"));
            }
        }
    }
}
