package io.ringkv.server.streaming;

import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.AdminCommand;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cli.BinaryConnection;
import io.ringkv.server.config.NodeConfigLoader;
import io.ringkv.server.node.RingKvNode;
import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.StoredEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real nodes in one JVM on loopback (ephemeral ports, in-memory storage) that can grow and shrink: nodes
 * join through the first node as seed, leave by decommission, or are killed. Awaits agreement on a ring
 * without pending owners after each change.
 */
final class ElasticCluster implements AutoCloseable {

    private final Path dataRoot;
    private final Map<String, String> settings;
    private final List<RingKvNode> members = new ArrayList<>();
    private final List<RingKvNode> stopped = new ArrayList<>();
    private int nextIndex = 1;
    private String seed;

    private ElasticCluster(Path dataRoot, Map<String, String> settings) {
        this.dataRoot = dataRoot;
        this.settings = settings;
    }

    static ElasticCluster start(int size, Path dataRoot, Map<String, String> settings) {
        ElasticCluster cluster = new ElasticCluster(dataRoot, settings);
        try {
            for (int i = 0; i < size; i++) {
                cluster.startNode();
            }
            cluster.awaitStableRing();
            return cluster;
        } catch (RuntimeException failure) {
            cluster.close();
            throw failure;
        }
    }

    /** Starts one more node, which joins through the seed; does not wait for the join to finish. */
    RingKvNode startNode() {
        String nodeId = "n" + nextIndex++;
        NodeConfigLoader loader = new NodeConfigLoader()
                .with("node-id", nodeId)
                .with("host", "127.0.0.1")
                .with("port", "0")
                .with("http-port", "0")
                .with("data-dir", dataRoot.resolve(nodeId).toString())
                .with("partition-count", "256")
                .with("storage.engine", "memory")
                .with("gossip.interval-millis", "50")
                .with("hints.replay-interval-millis", "100")
                .with("streaming.settle-rounds", "6")
                .with("io-threads", "2")
                .with("storage-threads", "2");
        if (seed != null) {
            loader.with("seeds", seed);
        }
        settings.forEach(loader::with);
        RingKvNode node = RingKvNode.start(loader.build());
        members.add(node);
        if (seed == null) {
            seed = "127.0.0.1:" + node.binaryPort();
        }
        return node;
    }

    /** Asks {@code node} to decommission itself and waits until the others serve a ring without it. */
    void decommission(RingKvNode node) {
        Message reply = admin(node, new AdminRequest(AdminCommand.DECOMMISSION, ""));
        if (!(reply instanceof AdminReply)) {
            throw new IllegalStateException("decommission refused: " + reply);
        }
        members.remove(node);
        awaitStableRing();
        stopped.add(node);
    }

    /** Closes {@code node} abruptly (it stays a ring member until removed). */
    void kill(RingKvNode node) {
        members.remove(node);
        node.close();
    }

    /** Asks {@code driver} to remove the dead {@code nodeId}; retries while its failure is not yet detected. */
    void remove(RingKvNode driver, String nodeId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> admin(driver, new AdminRequest(AdminCommand.REMOVE, nodeId)) instanceof AdminReply);
        awaitStableRing();
    }

    /** Waits until every member serves one ring version owned by exactly the members, nothing pending. */
    void awaitStableRing() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(this::ringStable);
    }

    private boolean ringStable() {
        Long version = null;
        for (RingKvNode node : members) {
            RingSnapshot ring = node.ring();
            if (ring == null || node.topology().transition() != null || ring.distinctOwnerCount() != members.size()) {
                return false;
            }
            for (RingKvNode other : members) {
                if (ring.ownedCount(other.nodeId()) == 0 || !node.topology().isAlive(other.nodeId())) {
                    return false;
                }
            }
            if (version != null && ring.version() != version) {
                return false;
            }
            version = ring.version();
        }
        return true;
    }

    List<RingKvNode> members() {
        return List.copyOf(members);
    }

    RingSnapshot ring() {
        return members.get(0).ring();
    }

    /**
     * The bytes (key plus encoded sibling set per entry, as streaming counts them) {@code node} stores in
     * the partitions it replicates in the current ring.
     */
    long replicaBytes(RingKvNode node) {
        long bytes = 0;
        for (int partition : ring().partitionsReplicatedBy(node.nodeId())) {
            bytes += partitionBytes(node, partition);
        }
        return bytes;
    }

    /** Replica bytes summed over all members: about N copies of the data. */
    long totalReplicaBytes() {
        return members.stream().mapToLong(this::replicaBytes).sum();
    }

    static long partitionBytes(RingKvNode node, int partition) {
        long bytes = 0;
        try (CloseableIterator<StoredEntry> scan = node.replicaStore().engine().scanPartition(partition)) {
            while (scan.hasNext()) {
                StoredEntry entry = scan.next();
                bytes += StreamEndpoint.entryBytes(entry.key().key(), entry.value());
            }
        }
        return bytes;
    }

    static Message request(RingKvNode node, Message body) {
        try (BinaryConnection connection =
                BinaryConnection.open("127.0.0.1", node.binaryPort(), Duration.ofSeconds(10))) {
            return connection.request(body);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Message admin(RingKvNode node, AdminRequest request) {
        return request(node, request);
    }

    @Override
    public void close() {
        for (RingKvNode node : members) {
            node.close();
        }
        for (RingKvNode node : stopped) {
            node.close();
        }
    }
}
