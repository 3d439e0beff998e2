package io.ringkv.testkit;

import static org.awaitility.Awaitility.await;

import io.ringkv.client.RingKvClient;
import io.ringkv.client.RingKvClientBuilder;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.node.RingKvNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real RingKV cluster inside the test's JVM: N nodes on 127.0.0.1 with ephemeral ports, each with its
 * own temporary data folder and (by default) in-memory storage. For application tests that want the
 * real server behaviour (quorums, siblings, failover) without Docker or external processes.
 *
 * <pre>{@code
 * try (EmbeddedRingKvCluster cluster = EmbeddedRingKvCluster.builder().nodes(3).start();
 *         RingKvClient client = cluster.newClient()) {
 *     client.blocking().put("k", "v", CausalContext.NONE);
 * }
 * }</pre>
 *
 * <p>Nodes are addressed by index, {@code 0} to {@code size() - 1}, in start order; node {@code i} has
 * the id {@code n(i+1)}. {@link #stop(int)} closes a node and keeps its slot (id, ports, data folder);
 * {@link #restart(int)} brings the same node back; {@link #addNode()} joins a new one.
 *
 * <p>{@code start()}, {@code restart}, {@code addNode} and {@link #awaitRingAgreement()} return once
 * every running node serves the same ring and sees the others as they are (running alive, stopped
 * down). Not thread-safe: drive it from the test thread. {@link #close()} stops every node and client it
 * created and deletes the data folders.
 */
public final class EmbeddedRingKvCluster implements AutoCloseable {

    /** Every node binds and advertises the loopback address only. */
    static final String HOST = "127.0.0.1";

    private final EmbeddedClusterConfig config;
    private final Path dataRoot;
    private final List<NodeSlot> slots = new ArrayList<>();
    private final List<RingKvClient> clients = new ArrayList<>();
    private boolean closed;

    private EmbeddedRingKvCluster(EmbeddedClusterConfig config, Path dataRoot) {
        this.config = config;
        this.dataRoot = dataRoot;
    }

    /** Starts configuring a cluster: 3 nodes, N = 3, 64 partitions, in-memory storage. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a cluster as configured and waits for ring agreement. */
    public static EmbeddedRingKvCluster start(EmbeddedClusterConfig config) {
        Objects.requireNonNull(config, "config");
        Path dataRoot;
        try {
            dataRoot = Files.createTempDirectory("ringkv-testkit-");
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create the cluster's data folder", failure);
        }
        EmbeddedRingKvCluster cluster = new EmbeddedRingKvCluster(config, dataRoot);
        try {
            for (int i = 0; i < config.nodeCount(); i++) {
                cluster.startSlot(cluster.newSlot());
            }
            cluster.awaitRingAgreement();
            return cluster;
        } catch (RuntimeException failure) {
            cluster.close();
            throw failure;
        }
    }

    /** The settings this cluster was started with. */
    public EmbeddedClusterConfig config() {
        return config;
    }

    /** The temporary folder that holds every node's data folder; {@link #close()} deletes it. */
    public Path dataDirectory() {
        return dataRoot;
    }

    /** Node slots, running or stopped. */
    public int size() {
        return slots.size();
    }

    /** The running node at {@code index}; fails when it is stopped. */
    public RingKvNode node(int index) {
        return slot(index).node();
    }

    /** The id of the node at {@code index} ({@code n1} for index 0), running or not. */
    public String nodeId(int index) {
        return slot(index).nodeId();
    }

    /** The index of the node with this id. */
    public int indexOf(String nodeId) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).nodeId().equals(nodeId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node " + nodeId + " in this cluster");
    }

    public boolean isRunning(int index) {
        return slot(index).isRunning();
    }

    /** The nodes currently running, in index order. */
    public List<RingKvNode> runningNodes() {
        List<RingKvNode> running = new ArrayList<>();
        for (NodeSlot slot : slots) {
            if (slot.isRunning()) {
                running.add(slot.node());
            }
        }
        return running;
    }

    /** {@code 127.0.0.1:port} of every running node's binary protocol, for a client's seeds. */
    public List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (NodeSlot slot : slots) {
            if (slot.isRunning()) {
                seeds.add(slot.binaryAddress());
            }
        }
        return seeds;
    }

    /** The ring the first running node serves. */
    public RingSnapshot ring() {
        List<RingKvNode> running = runningNodes();
        if (running.isEmpty()) {
            throw new IllegalStateException("no node is running");
        }
        return running.get(0).ring();
    }

    /**
     * The sum of one node metric (a key of {@code RingKvNode.metrics().snapshot()}, e.g.
     * {@code forwarded_requests}) over the running nodes. A stopped node's counts are lost with it.
     */
    public long sumOfNodeMetric(String name) {
        long sum = 0;
        for (RingKvNode node : runningNodes()) {
            sum += node.metrics().snapshot().getOrDefault(name, 0L);
        }
        return sum;
    }

    /** A client with default settings seeded with every running node; closed with the cluster. */
    public RingKvClient newClient() {
        return newClient(builder -> {});
    }

    /**
     * A client seeded with every running node, with further settings from {@code customizer}; closed with
     * the cluster (closing it earlier is fine).
     */
    public RingKvClient newClient(Consumer<RingKvClientBuilder> customizer) {
        RingKvClientBuilder builder = RingKvClient.builder().seeds(seeds().toArray(String[]::new));
        customizer.accept(builder);
        RingKvClient client = builder.build();
        clients.add(client);
        return client;
    }

    /**
     * Closes the node at {@code index} cleanly. Returns at once: the other nodes notice it is down through
     * their failure detectors; {@link #awaitRingAgreement()} waits for that.
     */
    public void stop(int index) {
        slot(index).stop();
    }

    /** Starts the stopped node at {@code index} again (same id and ports) and waits for ring agreement. */
    public void restart(int index) {
        startSlot(slot(index));
        awaitRingAgreement();
    }

    /** Starts a new node that joins the ring, waits for ring agreement, and returns its index. */
    public int addNode() {
        NodeSlot slot = newSlot();
        startSlot(slot);
        awaitRingAgreement();
        return slots.size() - 1;
    }

    /**
     * Waits until every running node serves the same ring, which gives each of them partitions, and sees
     * the running nodes alive and the stopped ones down.
     *
     * @throws IllegalStateException when that does not happen within the configured start timeout
     */
    public void awaitRingAgreement() {
        List<String> stopped = new ArrayList<>();
        for (NodeSlot slot : slots) {
            if (!slot.isRunning()) {
                stopped.add(slot.nodeId());
            }
        }
        List<RingKvNode> running = runningNodes();
        try {
            await().atMost(config.startTimeout())
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> RingAgreement.reached(running, stopped));
        } catch (ConditionTimeoutException timeout) {
            throw new IllegalStateException(
                    "the nodes did not agree on the ring within " + config.startTimeout() + ": "
                            + RingAgreement.describe(running),
                    timeout);
        }
    }

    /** Closes the clients it created, stops every node and deletes the data folders. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RingKvClient client : clients) {
            client.close();
        }
        for (NodeSlot slot : slots) {
            slot.stop();
        }
        deleteRecursively(dataRoot);
    }

    private NodeSlot newSlot() {
        String nodeId = "n" + (slots.size() + 1);
        NodeSlot slot = new NodeSlot(nodeId, dataRoot.resolve(nodeId));
        slots.add(slot);
        return slot;
    }

    private void startSlot(NodeSlot slot) {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
        List<String> seeds = new ArrayList<>();
        for (NodeSlot other : slots) {
            if (other != slot && other.isRunning()) {
                seeds.add(other.binaryAddress());
            }
        }
        slot.start(nodeSettings(), seeds);
    }

    private Map<String, String> nodeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("partition-count", Integer.toString(config.partitionCount()));
        settings.put("replication-factor", Integer.toString(config.replicationFactor()));
        settings.put("storage.engine", config.storageEngine());
        // Fast gossip and hint replay: a test should see joins, failures and handoffs in well under a second.
        settings.put("gossip.interval-millis", "50");
        settings.put("hints.replay-interval-millis", "100");
        // Several nodes share the test's JVM and cores: keep each node's thread pools small.
        settings.put("io-threads", "2");
        settings.put("storage-threads", "2");
        settings.putAll(config.settings());
        return settings;
    }

    private NodeSlot slot(int index) {
        if (index < 0 || index >= slots.size()) {
            throw new IndexOutOfBoundsException("no node at index " + index + " of " + slots.size());
        }
        return slots.get(index);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot delete the cluster's data folder " + root, failure);
        }
    }

    /** Configures an {@link EmbeddedRingKvCluster}. Not thread-safe. */
    public static final class Builder {

        private int nodeCount = 3;
        private int replicationFactor = 3;
        private int partitionCount = 64;
        private String storageEngine = "memory";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(30);

        private Builder() {}

        /** Nodes to start (default 3). */
        public Builder nodes(int value) {
            this.nodeCount = value;
            return this;
        }

        /** N, the replicas of every key (default 3). */
        public Builder replicationFactor(int value) {
            this.replicationFactor = value;
            return this;
        }

        /** Q, the ring's partitions (default 64). */
        public Builder partitionCount(int value) {
            this.partitionCount = value;
            return this;
        }

        /** {@code memory} (default), {@code mapdb} or {@code rocksdb}. */
        public Builder storageEngine(String value) {
            this.storageEngine = Objects.requireNonNull(value, "storageEngine");
            return this;
        }

        /** Any node setting by its configuration key, e.g. {@code requests.timeout-millis}. */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Several node settings at once; see {@link #setting(String, String)}. */
        public Builder settings(Map<String, String> values) {
            values.forEach(this::setting);
            return this;
        }

        /** How long to wait for ring agreement after a start, restart or join (default 30 s). */
        public Builder startTimeout(Duration value) {
            this.startTimeout = Objects.requireNonNull(value, "startTimeout");
            return this;
        }

        /** The configuration as a value, e.g. to start several equal clusters. */
        public EmbeddedClusterConfig config() {
            return new EmbeddedClusterConfig(
                    nodeCount, replicationFactor, partitionCount, storageEngine, settings, startTimeout);
        }

        /** Starts the cluster and waits until its nodes agree on the ring. */
        public EmbeddedRingKvCluster start() {
            return EmbeddedRingKvCluster.start(config());
        }
    }
}
